package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Binders for the argument types models send most (strings, numbers, booleans, enums) that read the JSON tree
 * directly: no parser, no exception on bad input. They apply the same leniency as the Jackson path for nested values.
 */
final class ScalarBinders {

    private ScalarBinders() {
    }

    /** A direct binder for {@code type}, or {@code null} when Jackson must do it. */
    static ValueBinder forType(Class<?> type) {
        if (type == String.class) {
            return ScalarBinders::string;
        }
        WholeNumbers whole = WholeNumbers.forType(type);
        if (whole != null) {
            return (node, parameter, path, out) -> wholeNumber(whole, node, parameter, path, out);
        }
        RealNumbers real = RealNumbers.forType(type);
        if (real == RealNumbers.DOUBLE || real == RealNumbers.FLOAT) {
            return (node, parameter, path, out) -> realNumber(real, node, parameter, path, out);
        }
        if (type == boolean.class || type == Boolean.class) {
            return ScalarBinders::bool;
        }
        if (type.isEnum()) {
            return new EnumBinder(type);
        }
        return null;
    }

    private static Object string(JsonNode node, int parameter, String path, Violations out) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isValueNode()) {
            // A model that sends 42 for a string parameter means "42".
            return node.asText();
        }
        return fail(out, parameter, path, "must be a string", node);
    }

    private static Object wholeNumber(WholeNumbers kind, JsonNode node, int parameter, String path, Violations out) {
        Number n;
        if (node.isInt() || node.isLong()) {
            n = kind.fromLong(node.longValue());
        } else if (node.isNumber() || node.isTextual()) {
            BigDecimal d = RealNumbers.decimal(node);
            n = d == null ? null : kind.fromDecimal(d);
        } else {
            n = null;
        }
        return n != null ? n : fail(out, parameter, path, kind.message(), echoable(node));
    }

    private static Object realNumber(RealNumbers kind, JsonNode node, int parameter, String path, Violations out) {
        BigDecimal d = RealNumbers.decimal(node);
        if (d != null) {
            Object v = kind.from(d);
            return v != null ? v : fail(out, parameter, path, kind.message(), node);
        }
        if (RealNumbers.isNonFinite(node) || node.isTextual() && isNonFiniteWord(node.textValue())) {
            return fail(out, parameter, path, kind.message(), echoable(node));
        }
        return fail(out, parameter, path, "must be a number", node);
    }

    private static boolean isNonFiniteWord(String text) {
        String t = text.trim();
        return t.equalsIgnoreCase("NaN") || t.matches("(?i)[+-]?inf(inity)?");
    }

    /** The node to show the model as what it sent; never a NaN or Infinity it did not write. */
    private static JsonNode echoable(JsonNode node) {
        return RealNumbers.isNonFinite(node) ? null : node;
    }

    private static Object bool(JsonNode node, int parameter, String path, Violations out) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (t.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return fail(out, parameter, path, "must be true or false", node);
    }

    static Object fail(Violations out, int parameter, String path, String message, JsonNode node) {
        out.add(new Violation(parameter, path, Violation.TYPE, message, node));
        return ValueBinder.FAILED;
    }

    /** Enum constants by name, ignoring case: models say "kitchen" as often as "KITCHEN". */
    private static final class EnumBinder implements ValueBinder {
        private final Map<String, Object> byName = new LinkedHashMap<>();
        private final String message;

        EnumBinder(Class<?> type) {
            for (Object constant : type.getEnumConstants()) {
                byName.putIfAbsent(((Enum<?>) constant).name().toUpperCase(Locale.ROOT), constant);
            }
            StringBuilder sb = new StringBuilder("must be one of ");
            for (Object constant : type.getEnumConstants()) {
                if (sb.length() > "must be one of ".length()) {
                    sb.append(", ");
                }
                sb.append(((Enum<?>) constant).name());
            }
            this.message = sb.toString();
        }

        @Override
        public Object bind(JsonNode node, int parameter, String path, Violations out) {
            if (node.isTextual()) {
                Object constant = byName.get(node.textValue().trim().toUpperCase(Locale.ROOT));
                if (constant != null) {
                    return constant;
                }
            }
            return fail(out, parameter, path, message, node);
        }
    }
}
