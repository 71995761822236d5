package dev.livetools.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a session may open its next connection. Backoff doubles from {@code initial} to {@code max} with each
 * connection that ended soon after it began, and only a connection that stayed up for {@link #STABLE} resets it, so a
 * server that accepts {@code setup} and then closes (or sends {@code goAway}) at once cannot make the client reconnect
 * in a tight loop. On top of that at most {@code perMinute} connections are opened in any minute. Not thread-safe:
 * used under the session lock.
 *
 * @param initial    the first delay
 * @param max        the longest delay
 * @param attempts   how many failed reconnects in a row before giving up
 * @param perMinute  the most connections opened in any 60 s
 */
record ReconnectPolicy(Duration initial, Duration max, int attempts, int perMinute) {

    /** A connection that lasted this long was a success: the backoff starts again from {@code initial}. */
    public static final Duration STABLE = Duration.ofSeconds(10);
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    public ReconnectPolicy {
        if (initial.isNegative() || initial.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("reconnect delays must be positive: " + initial + ", " + max);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
        }
    }

    /** The delay before attempt {@code n} (1-based): doubling, capped, with +-20% jitter. */
    public Duration backoff(int n) {
        long base = initial.toMillis() << Math.min(Math.max(n, 1) - 1, 20);
        long capped = Math.min(base, max.toMillis());
        // jitter so that many clients dropped together do not reconnect in lockstep
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(0, capped + jitter));
    }

    /** The per-session bookkeeping: attempts in a row and the connections of the last minute. */
    public final class Tracker {
        private final Deque<Long> opened = new ArrayDeque<>();
        private int attempt;
        /** Whether a connection completed its setup since the last attempt, and when: any long, as nanoTime is. */
        private boolean up;
        private long upSince;

        /** The next attempt's number; forgets earlier ones if the last connection was stable. */
        public int next(long now) {
            if (up && now - upSince >= STABLE.toNanos()) {
                attempt = 0;
            }
            up = false;
            return ++attempt;
        }

        /** A connection completed its setup. */
        public void connected(long now) {
            up = true;
            upSince = now;
        }

        /** Whether {@link #next} would exceed the attempts allowed in a row. */
        public boolean exhausted() {
            return attempt > attempts;
        }

        /** How long to wait before opening a connection now, so that the per-minute cap holds. */
        public Duration capDelay(long now) {
            while (!opened.isEmpty() && now - opened.peekFirst() >= MINUTE) {
                opened.removeFirst();
            }
            if (opened.size() < perMinute) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(opened.peekFirst() + MINUTE - now);
        }

        /** A connection is being opened. */
        public void opening(long now) {
            opened.addLast(now);
        }
    }

    public Tracker tracker() {
        return new Tracker();
    }
}
