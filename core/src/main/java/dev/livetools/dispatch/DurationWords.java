package dev.livetools.dispatch;

import java.time.Duration;

/** Durations the way people (and models) read them: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 3m}. */
final class DurationWords {

    private DurationWords() {
    }

    static String of(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return (ms / 1000) + "." + String.format("%03d", ms % 1000).replaceAll("0+$", "") + "s";
    }
}
