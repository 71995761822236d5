package dev.livetools.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The integral leniency rule in one place: a model that sends {@code 5.0} or {@code "5"} for an integer means 5;
 * {@code 5.5} is a mistake the model must hear about, never something to truncate.
 */
enum WholeNumbers {
    BYTE(Byte.MIN_VALUE, Byte.MAX_VALUE),
    SHORT(Short.MIN_VALUE, Short.MAX_VALUE),
    INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
    LONG(Long.MIN_VALUE, Long.MAX_VALUE),
    BIG(0, 0);

    private static final BigDecimal MAX_TEXT_DIGITS = BigDecimal.TEN.pow(1000);

    private final long min;
    private final long max;
    private final String message;

    WholeNumbers(long min, long max) {
        this.min = min;
        this.max = max;
        this.message = min == max ? "must be a whole number" : "must be a whole number from " + min + " to " + max;
    }

    /** What the model is told when a value breaks the rule. */
    String message() {
        return message;
    }

    /** The value in this kind's Java type, or {@code null} when it is fractional or out of range. */
    Number fromLong(long v) {
        if (this == BIG) {
            return BigInteger.valueOf(v);
        }
        return v < min || v > max ? null : box(v);
    }

    Number fromDecimal(BigDecimal d) {
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            return null;
        }
        if (d.abs().compareTo(MAX_TEXT_DIGITS) > 0) {
            return null;
        }
        BigInteger whole = d.toBigIntegerExact();
        if (this == BIG) {
            return whole;
        }
        return whole.bitLength() < 64 ? fromLong(whole.longValue()) : null;
    }

    Number fromText(String text) {
        BigDecimal d = parseDecimal(text);
        return d == null ? null : fromDecimal(d);
    }

    /** A decimal from text such as {@code " 42 "} or {@code "1e3"}, or {@code null} when it is not a number. */
    static BigDecimal parseDecimal(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 1100) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Number box(long v) {
        return switch (this) {
            case BYTE -> (byte) v;
            case SHORT -> (short) v;
            case INT -> (int) v;
            default -> v;
        };
    }

    static WholeNumbers forType(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return INT;
        }
        if (type == long.class || type == Long.class) {
            return LONG;
        }
        if (type == short.class || type == Short.class) {
            return SHORT;
        }
        if (type == byte.class || type == Byte.class) {
            return BYTE;
        }
        if (type == BigInteger.class) {
            return BIG;
        }
        return null;
    }
}
