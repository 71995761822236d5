package dev.livetools.dispatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires call deadlines for every dispatcher of the JVM. One thread looks at the calls in flight of each dispatcher
 * that has any every {@value #TICK_MILLIS} ms and expires those past their deadline, so a deadline fires at most one
 * tick late and never early; about once a second it has each dispatcher report its given-up calls still running.
 *
 * <p>Why not a {@code ScheduledExecutorService}: scheduling and cancelling a timer per call wakes the timer thread
 * whenever its queue was empty, which on a quiet host is every call, and the wake-up cost several times the rest of
 * the dispatch (measured, see docs/performance.md). Here a call costs nothing beyond being in its dispatcher's
 * in-flight map, plus enlisting the dispatcher when it had no call before.
 *
 * <p>Why one thread for the JVM and not one per dispatcher: an application gives every conversation its own
 * dispatcher, and a thread per dispatcher ticking while its calls run made 1,000 sessions cost 100,000 wake-ups a
 * second, the two CPUs' whole time in futex calls (measured with {@code SessionLoad}, docs/performance.md). Shared,
 * the ticks are 100 a second however many dispatchers there are. A dispatcher is watched only while it has calls in
 * flight or given up and still running; the thread ends after a second with nothing to watch, so an idle JVM (or a
 * closed dispatcher) keeps no thread.
 */
final class DeadlineWatch {

    static final long TICK_MILLIS = 10;
    private static final long IDLE_MILLIS = 1_000;
    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong THREADS = new AtomicLong();

    /** The JVM's watch. */
    static final DeadlineWatch SHARED = new DeadlineWatch();

    /** Dispatchers that had no work and now have some, handed from their callers to the watch thread. */
    private final Queue<InFlight> newcomers = new ConcurrentLinkedQueue<>();
    /** Guarded by {@code this}; null while no dispatcher is watched. */
    private Thread thread;

    DeadlineWatch() {
    }

    /**
     * A dispatcher now has a call in flight or given up. Cheap when it is already watched; otherwise it is enlisted
     * and the thread started or woken.
     */
    void watch(InFlight flights) {
        if (!flights.enlist()) {
            return;
        }
        newcomers.add(flights);
        synchronized (this) {
            if (thread == null) {
                thread = new Thread(this::run, "livetools-deadlines-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                thread.start();
            } else {
                notifyAll();
            }
        }
    }

    /** Whether the watch thread is running (for tests). */
    synchronized boolean running() {
        return thread != null;
    }

    private void run() {
        List<InFlight> watched = new ArrayList<>();
        while (true) {
            for (InFlight f; (f = newcomers.poll()) != null; ) {
                watched.add(f);
            }
            if (watched.isEmpty()) {
                if (!awaitWork()) {
                    return;
                }
                continue;
            }
            long now = System.nanoTime();
            for (Iterator<InFlight> it = watched.iterator(); it.hasNext(); ) {
                InFlight f = it.next();
                if (!tick(f, now)) {
                    it.remove();
                }
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }

    /** Whether {@code f} stays watched. */
    private static boolean tick(InFlight f, long now) {
        try {
            f.expireOverdue(now);
            if (f.hasStuck() && now - f.lastStuckReport >= REPORT_NANOS) {
                f.lastStuckReport = now;
                f.reportStuck();
            }
        } catch (RuntimeException e) {
            // A dispatcher's failure must never stop the deadlines of the others.
        }
        return f.stayWatched();
    }

    /** Waits up to a second for a newcomer; false (and the thread gone) if none came. */
    private boolean awaitWork() {
        synchronized (this) {
            if (newcomers.isEmpty()) {
                try {
                    wait(IDLE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (newcomers.isEmpty()) {
                    // Decided under the lock that watch() takes, so a newcomer after this starts a new thread.
                    thread = null;
                    return false;
                }
            }
            return true;
        }
    }
}
