package dev.livetools.dispatch;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires call deadlines. One thread per dispatcher looks at the calls in flight every {@value #TICK_MILLIS} ms and
 * expires those past their deadline, so a deadline fires at most one tick late and never early.
 *
 * <p>Why not a {@code ScheduledExecutorService}: scheduling and cancelling a timer per call wakes the timer thread
 * whenever its queue was empty, which on a quiet host is every call, and the wake-up cost several times the rest of
 * the dispatch (measured, see docs/performance.md). Here a call costs nothing beyond being in the in-flight map,
 * which the dispatcher keeps anyway; the thread parks after a second without calls and is woken by the next one.
 */
final class DeadlineWatch {

    static final long TICK_MILLIS = 10;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong THREADS = new AtomicLong();

    private static final long REPORT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Collection<Call> inFlight;
    /** Given-up calls still running: they keep the watch awake, to be reported every second. */
    private final Collection<Call> stuck;
    private final Runnable reportStuck;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean parked;
    private volatile boolean closed;
    /** Bumped (racily; only change matters) by every new call, so the watch knows the host is busy. */
    private volatile int arrivals;

    DeadlineWatch(Collection<Call> inFlight, Collection<Call> stuck, Runnable reportStuck) {
        this.inFlight = inFlight;
        this.stuck = stuck;
        this.reportStuck = reportStuck;
        this.thread = new Thread(this::watch, "livetools-deadlines-" + THREADS.incrementAndGet());
        this.thread.setDaemon(true);
    }

    /** A call was just added to the in-flight collection. */
    void arrived() {
        if (!started.get() && started.compareAndSet(false, true)) {
            // Started by the first call, so that a dispatcher that is built and never used costs no thread.
            thread.start();
        }
        arrivals++;
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    void close() {
        closed = true;
        started.set(true);
        LockSupport.unpark(thread);
    }

    private void report() {
        try {
            reportStuck.run();
        } catch (RuntimeException e) {
            // Reporting must never stop the deadlines.
        }
    }

    private void watch() {
        long lastBusy = System.nanoTime();
        long lastReport = lastBusy;
        int seenArrivals = arrivals;
        while (!closed) {
            long now = System.nanoTime();
            boolean busy = !stuck.isEmpty();
            if (busy && now - lastReport >= REPORT_NANOS) {
                lastReport = now;
                report();
            }
            for (Call call : inFlight) {
                busy = true;
                if (now - call.deadlineNanos >= 0) {
                    call.expire();
                }
            }
            int a = arrivals;
            if (busy || a != seenArrivals) {
                lastBusy = now;
                seenArrivals = a;
            }
            if (now - lastBusy > IDLE_NANOS) {
                parked = true;
                // A call added after this check sees parked == true and unparks us.
                if (inFlight.isEmpty() && stuck.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                lastBusy = System.nanoTime();
            } else {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            }
        }
    }
}
