package dev.livetools.dispatch;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs at most {@code limit} tasks at once on an unbounded executor, starting the rest in arrival order as slots
 * free up. A semaphore inside each task would not do: the waiting threads race for permits, so calls could start out
 * of order. A task's slot is freed when the task ends or, earlier, when its holder gives it up: a call answered at
 * its deadline whose method ignores the interrupt must not keep later calls waiting (issue 12, stuck tools).
 */
final class FifoLimiter {

    /** A task that is handed its slot, to free it early. */
    @FunctionalInterface
    interface SlotTask {
        void run(Runnable freeSlot);
    }

    private final Executor threads;
    private final int limit;
    private final ArrayDeque<SlotTask> waiting = new ArrayDeque<>();
    private int running;

    FifoLimiter(Executor threads, int limit) {
        this.threads = threads;
        this.limit = limit;
    }

    /** @throws RejectedExecutionException when the threads are shut down */
    void execute(SlotTask task) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(task);
                return;
            }
            running++;
        }
        start(task);
    }

    /** How many tasks hold a slot now; for tests. */
    synchronized int running() {
        return running;
    }

    private void start(SlotTask task) {
        AtomicBoolean freed = new AtomicBoolean();
        Runnable free = () -> {
            if (freed.compareAndSet(false, true)) {
                next();
            }
        };
        try {
            threads.execute(() -> {
                try {
                    task.run(free);
                } finally {
                    free.run();
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
        SlotTask task;
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
