package dev.livetools.protocol;

import java.math.BigDecimal;
import java.time.Duration;

/** {@code google.protobuf.Duration} in proto3 JSON: seconds with an optional fraction and an {@code s} suffix. */
final class ProtoDurations {

    private ProtoDurations() {
    }

    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.endsWith("s") || t.length() < 2) {
            throw new IllegalArgumentException("expected a duration such as \"50s\" or \"1.5s\", got \"" + text + "\"");
        }
        try {
            return ofSeconds(new BigDecimal(t.substring(0, t.length() - 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a duration such as \"50s\" or \"1.5s\", got \"" + text + "\"");
        }
    }

    public static Duration ofSeconds(BigDecimal seconds) {
        BigDecimal nanos = seconds.movePointRight(9);
        return Duration.ofSeconds(0, nanos.longValue());
    }

    /** The shortest exact proto3 JSON form: {@code 50s}, {@code 1.5s}, {@code 0.000000001s}. */
    public static String format(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }
}
