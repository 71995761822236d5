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
        if (type == double.class || type == Double.class) {
            return (node, parameter, path, out) -> {
                BigDecimal d = decimal(node);
                return d != null ? (Object) d.doubleValue() : fail(out, parameter, path, "must be a number", node);
            };
        }
        if (type == float.class || type == Float.class) {
            return (node, parameter, path, out) -> {
                BigDecimal d = decimal(node);
                return d != null ? (Object) d.floatValue() : fail(out, parameter, path, "must be a number", node);
            };
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
        } else if (node.isNumber()) {
            n = kind.fromDecimal(node.decimalValue());
        } else if (node.isTextual()) {
            n = kind.fromText(node.textValue());
        } else {
            n = null;
        }
        return n != null ? n : fail(out, parameter, path, kind.message(), node);
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() ? WholeNumbers.parseDecimal(node.textValue()) : null;
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
