package dev.livetools.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Replaces Jackson's {@code double}, {@code float} and {@code BigDecimal} deserializers inside nested values so
 * that they follow {@link RealNumbers}: Jackson itself binds {@code "NaN"}, {@code "Infinity"}, {@code "1e400"} and a
 * float's {@code 1e300} as non-finite values without complaint.
 */
final class LenientRealNumberDeserializer extends StdScalarDeserializer<Object> {

    private static final long serialVersionUID = 1L;

    private final RealNumbers kind;
    private final boolean primitive;

    LenientRealNumberDeserializer(Class<?> type) {
        super(type);
        this.kind = RealNumbers.forType(type);
        this.primitive = type.isPrimitive();
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        BigDecimal d;
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            d = LenientWholeNumberDeserializer.finiteDecimal(p);
        } else if (t == JsonToken.VALUE_STRING) {
            d = WholeNumbers.parseDecimal(p.getText());
            if (d == null) {
                String text = p.getText().trim();
                boolean word = text.equalsIgnoreCase("NaN") || text.matches("(?i)[+-]?inf(inity)?");
                throw LenientWholeNumberDeserializer.RuleViolation.of(p, word ? kind.message() : "must be a number",
                        p.getText(), _valueClass);
            }
        } else {
            throw LenientWholeNumberDeserializer.RuleViolation.of(p, "must be a number", null, _valueClass);
        }
        Object v = d == null ? null : kind.from(d);
        if (v == null) {
            throw LenientWholeNumberDeserializer.RuleViolation.of(p, kind.message(), null, _valueClass);
        }
        return v;
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        if (primitive) {
            throw MismatchedInputException.from(ctxt.getParser(), _valueClass,
                    LenientWholeNumberDeserializer.NULL_MESSAGE);
        }
        return null;
    }
}
