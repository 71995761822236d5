package dev.livetools.samples.home.timers;

import java.time.Duration;

/** Runs a task after a delay. A seam so tests can move time by hand instead of waiting. */
public interface Scheduler extends AutoCloseable {

    /**
     * Runs {@code task} once after {@code delay}.
     *
     * @return cancels the task if it has not run yet
     */
    Runnable schedule(Duration delay, Runnable task);

    /** Drops every task not yet run and stops the scheduler's threads. */
    @Override
    void close();
}
