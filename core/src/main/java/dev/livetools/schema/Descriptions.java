package dev.livetools.schema;

import dev.livetools.protocol.Schema;
import java.util.stream.Collectors;

/** Joins description sentences and summarises schemas in words, for facts the schema subset cannot carry. */
final class Descriptions {

    private Descriptions() {
    }

    /** {@code first} then {@code second} as separate sentences; either may be {@code null} or empty. */
    static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second == null || second.isBlank() ? null : second;
        }
        if (second == null || second.isBlank()) {
            return first;
        }
        String trimmed = first.strip();
        char last = trimmed.charAt(trimmed.length() - 1);
        return trimmed + (last == '.' || last == '!' || last == '?' ? " " : ". ") + second;
    }

    /** {@code schema} with {@code sentence} added after its description. */
    static Schema append(Schema schema, String sentence) {
        return schema.withDescription(join(schema.description(), sentence));
    }

    /** {@code schema} with {@code sentence} put before its description. */
    static Schema prepend(Schema schema, String sentence) {
        return schema.withDescription(join(sentence, schema.description()));
    }

    /** A few words for the values a schema accepts: "integer", "array of string", "object with fields a, b". */
    static String summary(Schema s) {
        return switch (s.type()) {
            case STRING -> s.enumValues() != null ? "one of " + String.join(", ", s.enumValues())
                    : s.format() != null && !s.format().equals("enum") ? "string (" + s.format() + ")" : "string";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array of " + summary(s.items());
            case OBJECT -> s.properties() == null || s.properties().isEmpty()
                    ? "object" + (s.description() == null ? "" : " (" + strip(s.description()) + ")")
                    : s.properties().keySet().stream().collect(Collectors.joining(", ", "object with fields ", ""));
        };
    }

    private static String strip(String sentence) {
        String t = sentence.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
