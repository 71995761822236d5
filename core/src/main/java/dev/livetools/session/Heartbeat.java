package dev.livetools.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps every open connection of the JVM honest from one thread: a connection the server has said nothing on for an
 * interval is pinged, and one that stays silent for two intervals (no frame, no pong) is dropped as lost, so the
 * session resumes instead of waiting for a TCP timeout that can take many minutes on a half-open connection.
 *
 * <p>Why not Java-WebSocket's own connection-lost timer: it is a scheduled executor, with its own thread, per
 * client; with 1,000 sessions that was 1,000 parked threads doing one ping a minute each (SessionLoad,
 * docs/performance.md). Here it is one thread however many connections there are, ended once none is open.
 */
final class Heartbeat {

    /** What the heartbeat asks of a connection. */
    interface Beating {
        /**
         * Pings or drops the connection as its silence requires; returns when it next needs a look
         * ({@link System#nanoTime()} scale), or -1 once it is closed or dropped.
         */
        long beat(long now);
    }

    private static final long MAX_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final AtomicLong THREADS = new AtomicLong();

    static final Heartbeat SHARED = new Heartbeat();

    private final Set<Beating> connections = ConcurrentHashMap.newKeySet();
    /** Guarded by {@code this}; null while no connection is watched. */
    private Thread thread;

    Heartbeat() {
    }

    void add(Beating connection) {
        connections.add(connection);
        synchronized (this) {
            if (thread == null) {
                thread = new Thread(this::run, "livetools-heartbeat-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                thread.start();
            } else {
                // Its interval may be shorter than the wait in progress.
                LockSupport.unpark(thread);
            }
        }
    }

    void remove(Beating connection) {
        connections.remove(connection);
    }

    private void run() {
        while (true) {
            long now = System.nanoTime();
            long next = now + MAX_PARK_NANOS;
            for (Beating c : connections) {
                long due;
                try {
                    due = c.beat(now);
                } catch (RuntimeException e) {
                    due = -1; // a connection that cannot say must not stop the others' heartbeat
                }
                if (due < 0) {
                    connections.remove(c);
                } else if (due - next < 0) {
                    next = due;
                }
            }
            synchronized (this) {
                if (connections.isEmpty()) {
                    // Decided under the lock add() takes, so a connection added after this starts a new thread.
                    thread = null;
                    return;
                }
            }
            LockSupport.parkNanos(this, Math.max(MIN_PARK_NANOS, next - System.nanoTime()));
        }
    }
}
