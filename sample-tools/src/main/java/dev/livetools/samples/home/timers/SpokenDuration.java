package dev.livetools.samples.home.timers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Durations as people say them: "1 hour 30 minutes", "45 seconds". */
public final class SpokenDuration {

    private SpokenDuration() {
    }

    /** The duration in hours, minutes and seconds, leaving out zero parts; rounded up to whole seconds. */
    public static String of(Duration d) {
        long total = (d.toMillis() + 999) / 1000;
        if (total <= 0) {
            return "0 seconds";
        }
        List<String> parts = new ArrayList<>();
        part(total / 3600, "hour", parts);
        part(total % 3600 / 60, "minute", parts);
        part(total % 60, "second", parts);
        return String.join(" ", parts);
    }

    private static void part(long n, String unit, List<String> parts) {
        if (n > 0) {
            parts.add(n + " " + unit + (n == 1 ? "" : "s"));
        }
    }
}
