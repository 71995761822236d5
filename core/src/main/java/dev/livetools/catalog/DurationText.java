package dev.livetools.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short duration texts authors write in annotations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

    private DurationText() {
    }

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text.trim());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }
}
