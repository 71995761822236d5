package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.internal.ScenarioJson.ScenarioFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A read view of one object of a scenario document that refuses what the author did not mean: a field outside the
 * allowed set (with a "did you mean" when a known name is close) and a value of the wrong JSON type. Every error
 * names the path from the document root, e.g. {@code steps[3].toolCall[0]}. A misspelt field that was silently
 * ignored would let a broken test pass green, so nothing is ignored.
 */
final class StrictObject {

    private final ObjectNode node;
    private final String path;

    private StrictObject(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** {@code value} as an object whose fields are all among {@code allowed}. */
    static StrictObject of(JsonNode value, String path, String... allowed) {
        if (value == null || !value.isObject()) {
            throw new ScenarioFormatException(path + ": expected " + (allowed.length == 0 ? "{}"
                    : "an object with fields " + Arrays.toString(allowed)) + ", got " + describe(value));
        }
        List<String> known = List.of(allowed);
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ScenarioFormatException(path + ": unknown field '" + name + "'" + suggestion(name, known)
                        + (known.isEmpty() ? " (this step takes no fields: write {})" : " (fields: "
                        + String.join(", ", known) + ")"));
            }
        }
        return new StrictObject((ObjectNode) value, path);
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    boolean has(String field) {
        return node.has(field);
    }

    /** The raw value, or {@code null} when absent. JSON {@code null} counts as a value of the wrong type. */
    JsonNode get(String field) {
        return node.get(field);
    }

    JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new ScenarioFormatException(path + ": missing field '" + field + "'");
        }
        return value;
    }

    String string(String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null ? fallback : text(value, path(field));
    }

    String requiredString(String field) {
        return text(required(field), path(field));
    }

    Boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new ScenarioFormatException(path(field) + ": expected true or false, got " + describe(value));
        }
        return value.booleanValue();
    }

    /** A whole number within {@code [min, max]}, or {@code null} when absent. */
    Integer integer(String field, int min, int max) {
        JsonNode value = node.get(field);
        return value == null ? null : integer(value, path(field), min, max);
    }

    ObjectNode object(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw new ScenarioFormatException(path(field) + ": expected a JSON object, got " + describe(value));
        }
        return (ObjectNode) value;
    }

    static String text(JsonNode value, String path) {
        if (value == null || !value.isTextual()) {
            throw new ScenarioFormatException(path + ": expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    static int integer(JsonNode value, String path, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new ScenarioFormatException(path + ": expected a whole number from " + min + " to " + max
                    + ", got " + (value.isNumber() ? value.asText() : describe(value)));
        }
        return value.intValue();
    }

    /** The JSON type of a value and, for short scalars, the value itself. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + shorten(value.textValue()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** {@code "; did you mean 'x'?"} for the closest known name within a small edit distance, else empty. */
    static String suggestion(String unknown, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(unknown.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.min(3, unknown.length() / 3));
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static List<JsonNode> each(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }
}
