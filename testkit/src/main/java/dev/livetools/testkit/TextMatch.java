package dev.livetools.testkit;

import java.util.Locale;
import java.util.Objects;

/**
 * How an expected user text is compared: exactly (after trimming), as a case-insensitive substring, or any text.
 * The expected text is also what a scripted user sends for this step (see {@link Scenario#userTurns()}).
 */
public record TextMatch(Mode mode, String text) {

    /** The comparison. */
    public enum Mode { EQUALS, CONTAINS, ANY }

    public TextMatch {
        Objects.requireNonNull(mode, "mode");
        text = text == null ? "" : text;
        if (mode != Mode.ANY && text.isBlank()) {
            throw new IllegalArgumentException("TextMatch " + mode + " needs a non-blank text");
        }
    }

    public static TextMatch equalTo(String text) {
        return new TextMatch(Mode.EQUALS, text);
    }

    public static TextMatch containing(String text) {
        return new TextMatch(Mode.CONTAINS, text);
    }

    public static TextMatch any() {
        return new TextMatch(Mode.ANY, "");
    }

    public boolean matches(String actual) {
        return switch (mode) {
            case EQUALS -> actual.trim().equals(text.trim());
            case CONTAINS -> actual.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
            case ANY -> true;
        };
    }

    @Override
    public String toString() {
        return switch (mode) {
            case EQUALS -> "\"" + text + "\"";
            case CONTAINS -> "containing \"" + text + "\"";
            case ANY -> "(any)";
        };
    }
}
