package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The rule for fractional numbers in one place: a value is bound only when it is finite and fits the Java type.
 * Java would turn {@code 1e300} into a float's Infinity, and {@code "1e400"} or {@code "Infinity"} into a double's,
 * without a word; a tool then computes with a value the model never meant. The model hears about it instead.
 */
enum RealNumbers {
    FLOAT(Float.MAX_VALUE, Float.toString(Float.MAX_VALUE)),
    DOUBLE(Double.MAX_VALUE, Double.toString(Double.MAX_VALUE)),
    BIG(0, null);

    private final BigDecimal max;
    private final String message;

    RealNumbers(double max, String maxText) {
        this.max = max == 0 ? null : new BigDecimal(max);
        this.message = max == 0 ? "must be a finite number"
                : "must be a finite number from -" + maxText + " to " + maxText;
    }

    /** What the model is told when a value is not finite or out of range. */
    String message() {
        return message;
    }

    /** The value in this kind's Java type, or {@code null} when it does not fit. */
    Object from(BigDecimal d) {
        if (max != null && d.abs().compareTo(max) > 0) {
            return null;
        }
        return switch (this) {
            case FLOAT -> d.floatValue();
            case DOUBLE -> d.doubleValue();
            case BIG -> d;
        };
    }

    /**
     * The exact value of a JSON number or numeric text, or {@code null} when there is none: not a number, or a number
     * the parser could only hold as an infinite or NaN double ({@code 1e400} in a frame is read as Infinity), which
     * has no decimal value to bind or to range-check.
     */
    static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                return null;
            }
            return node.decimalValue();
        }
        return node.isTextual() ? WholeNumbers.parseDecimal(node.textValue()) : null;
    }

    /** Whether a number node holds a non-finite double: echoing it back would tell the model "Infinity". */
    static boolean isNonFinite(JsonNode node) {
        return (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue());
    }

    static RealNumbers forType(Class<?> type) {
        if (type == double.class || type == Double.class) {
            return DOUBLE;
        }
        if (type == float.class || type == Float.class) {
            return FLOAT;
        }
        return type == BigDecimal.class ? BIG : null;
    }
}
