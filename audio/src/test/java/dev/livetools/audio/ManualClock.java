package dev.livetools.audio;

import java.util.ArrayList;
import java.util.List;

/** A clock that only moves when a sleeper asks it to: each sleep jumps to its deadline and is recorded. */
final class ManualClock implements AudioClock {

    private long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long deadline) {
        sleeps.add(deadline);
        now = Math.max(now, deadline);
    }

    synchronized void advance(long nanos) {
        now += nanos;
    }
}
