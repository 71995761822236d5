package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Loose JSON comparisons for response assertions: numbers by value, objects by subset, text by substring. */
public final class JsonMatch {

    private JsonMatch() {
    }

    /** Deep equality where {@code 5} equals {@code 5.0}. */
    public static boolean sameValue(JsonNode actual, JsonNode expected) {
        return actual.equals((a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
            }
            return a.equals(b) ? 0 : 1;
        }, expected);
    }

    /**
     * Whether {@code actual} contains {@code expected}: every field of an expected object is contained in the
     * actual field, every element of an expected array is contained in some actual element, expected text is a
     * case-insensitive substring (of the actual text, or of the compact JSON of a non-text value), and other
     * scalars compare by value.
     */
    public static boolean contains(JsonNode actual, JsonNode expected) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!contains(actual.get(field.getKey()), field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray()) {
                return false;
            }
            for (JsonNode want : expected) {
                boolean found = false;
                for (JsonNode have : actual) {
                    found |= contains(have, want);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isTextual()) {
            String haystack = actual.isTextual() ? actual.asText() : WireJson.compact(actual);
            return haystack.toLowerCase(java.util.Locale.ROOT)
                    .contains(expected.asText().toLowerCase(java.util.Locale.ROOT));
        }
        return sameValue(actual, expected);
    }
}
