package dev.livetools.samples.home;

import dev.livetools.samples.home.timers.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock and scheduler that move only when a test says so, so timer tests take milliseconds. */
final class ManualTime extends Clock implements Scheduler {

    private final ZoneId zone;
    private Instant now;
    private final List<Task> tasks = new ArrayList<>();

    ManualTime(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new ManualTime(instant(), z);
    }

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable task) {
        Task t = new Task(now.plus(delay), task);
        tasks.add(t);
        return () -> {
            synchronized (ManualTime.this) {
                tasks.remove(t);
            }
        };
    }

    /** Moves time forward and runs, in order, every task that falls due. */
    void advance(Duration d) {
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(t -> !t.at().isAfter(target)).min(Comparator.comparing(Task::at))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = next.at();
            }
            next.run().run();
        }
    }

    synchronized int pending() {
        return tasks.size();
    }

    @Override
    public synchronized void close() {
        tasks.clear();
    }

    private record Task(Instant at, Runnable run) {
    }
}
