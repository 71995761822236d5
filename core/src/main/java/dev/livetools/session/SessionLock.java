package dev.livetools.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock of a session, shared by its parts (tool bridge, reconnector, facade), and the work that must wait
 * until it is released: opening sockets, calling the tool runner, completing futures. Such work never runs under the
 * lock, because it can call back into the session from the same thread or block on another that needs the lock.
 * Whoever takes the lock first (the outermost {@link #run}) runs what was deferred, in order, after releasing it.
 */
final class SessionLock {

    private final ReentrantLock lock = new ReentrantLock();
    // guarded by lock
    private List<Runnable> deferred = new ArrayList<>(4);

    /** Runs {@code body} under the lock, then (outside it) whatever was deferred meanwhile. */
    public void run(Runnable body) {
        call(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Like {@link #run} with a result. What was deferred runs even when {@code body} throws: work already handed over
     * (a call to dispatch, a future to complete) must not be lost to an unrelated failure later in the same section.
     */
    public <T> T call(Supplier<T> body) {
        List<Runnable> due;
        lock.lock();
        try {
            return body.get();
        } finally {
            due = lock.getHoldCount() == 1 && !deferred.isEmpty() ? takeDeferred() : List.of();
            lock.unlock();
            due.forEach(Runnable::run);
        }
    }

    /** Work to run once the lock is released; call only while holding it. */
    public void afterUnlock(Runnable work) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("afterUnlock outside the session lock");
        }
        deferred.add(work);
    }

    private List<Runnable> takeDeferred() {
        List<Runnable> due = deferred;
        deferred = new ArrayList<>(4);
        return due;
    }
}
