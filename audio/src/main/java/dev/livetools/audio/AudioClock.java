package dev.livetools.audio;

import java.util.concurrent.locks.LockSupport;

/**
 * The time base that paces audio: real time for devices and files played to a live model, or a test's own clock.
 * Times are nanoseconds on an arbitrary origin, like {@link System#nanoTime()}.
 */
public interface AudioClock {

    long nanoTime();

    /** Returns at or soon after {@code deadline}. */
    void sleepUntil(long deadline) throws InterruptedException;

    /** {@link System#nanoTime()}, sleeping with {@link LockSupport#parkNanos} (about 0.1 ms late on Linux). */
    static AudioClock system() {
        return SystemClock.INSTANCE;
    }

    /** The real-time clock. */
    enum SystemClock implements AudioClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }
}
