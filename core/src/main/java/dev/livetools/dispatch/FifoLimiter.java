package dev.livetools.dispatch.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs at most {@code limit} tasks at once on an unbounded executor (virtual threads), starting the rest in arrival
 * order as earlier ones finish. A semaphore inside each task would not do: the waiting threads race for permits, so
 * calls could start out of order. Each task still gets a fresh thread, so no thread-local state crosses calls.
 */
final class FifoLimiter implements Executor {

    private final Executor threads;
    private final int limit;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    FifoLimiter(Executor threads, int limit) {
        this.threads = threads;
        this.limit = limit;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        start(task);
    }

    private void start(Runnable task) {
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    next();
                }
            });
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    private void next() {
        Runnable task;
        synchronized (this) {
            task = waiting.poll();
            if (task == null) {
                running--;
                return;
            }
        }
        try {
            start(task);
        } catch (RejectedExecutionException e) {
            // Shut down: close() has cancelled every call, so the queued tasks would do nothing anyway.
        }
    }
}
