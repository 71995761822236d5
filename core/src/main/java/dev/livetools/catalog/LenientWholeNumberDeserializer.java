package dev.livetools.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Replaces Jackson's integer deserializers inside nested values so that they follow {@link WholeNumbers}: Jackson
 * itself would silently truncate {@code 5.5} to 5.
 */
final class LenientWholeNumberDeserializer extends StdScalarDeserializer<Object> {

    private static final long serialVersionUID = 1L;

    /** The message of a null given for a primitive; recognised when the problem is reported. */
    static final String NULL_MESSAGE = "must not be null";

    private final WholeNumbers kind;
    private final boolean primitive;

    LenientWholeNumberDeserializer(Class<?> type) {
        super(type);
        this.kind = WholeNumbers.forType(type);
        this.primitive = type.isPrimitive();
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        Number n;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            n = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? kind.fromDecimal(p.getDecimalValue()) : kind.fromLong(p.getLongValue());
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal d = finiteDecimal(p);
            if (d == null) {
                throw RuleViolation.of(p, kind.message(), null, _valueClass);
            }
            n = kind.fromDecimal(d);
        } else if (t == JsonToken.VALUE_STRING) {
            n = kind.fromText(p.getText());
        } else {
            throw RuleViolation.of(p, kind.message(), null, _valueClass);
        }
        if (n == null) {
            throw RuleViolation.of(p, kind.message(), p.getText(), _valueClass);
        }
        return n;
    }

    /**
     * The exact value of the current float token, or {@code null} when it was only held as an infinite or NaN double
     * (a frame's {@code 1e400}): there is no decimal to take, and {@code getDecimalValue()} would throw.
     */
    static BigDecimal finiteDecimal(JsonParser p) throws IOException {
        JsonParser.NumberType type = p.getNumberType();
        if ((type == JsonParser.NumberType.DOUBLE || type == JsonParser.NumberType.FLOAT)
                && !Double.isFinite(p.getDoubleValue())) {
            return null;
        }
        return p.getDecimalValue();
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        if (primitive) {
            throw MismatchedInputException.from(ctxt.getParser(), _valueClass, NULL_MESSAGE);
        }
        return null;
    }

    /** An {@link InvalidFormatException} whose message was written by us, for the model, and is sent as is. */
    static final class RuleViolation extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        private RuleViolation(JsonParser p, String msg, Object value, Class<?> target) {
            super(p, msg, value, target);
        }

        static RuleViolation of(JsonParser p, String msg, Object value, Class<?> target) {
            return new RuleViolation(p, msg, value, target);
        }
    }
}
