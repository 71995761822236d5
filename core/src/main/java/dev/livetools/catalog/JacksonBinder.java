package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds records, POJOs, collections, java.time and anything else through a Jackson reader resolved once, and turns
 * Jackson's exceptions into violations that name the path in the model's terms ({@code routine.steps[0].at}).
 */
final class JacksonBinder implements ValueBinder {

    private static final Map<Class<?>, String> ISO_EXAMPLES = Map.of(
            java.time.LocalDate.class, "2025-06-30",
            java.time.LocalTime.class, "07:30",
            java.time.LocalDateTime.class, "2025-06-30T07:30",
            java.time.OffsetDateTime.class, "2025-06-30T07:30:00+02:00",
            java.time.ZonedDateTime.class, "2025-06-30T07:30:00+02:00[Europe/Paris]",
            java.time.Instant.class, "2025-06-30T05:30:00Z",
            java.time.Duration.class, "PT15M",
            java.time.Period.class, "P2D");

    private final ObjectReader reader;
    private final Class<?> type;

    JacksonBinder(JavaType type) {
        // EAGER_DESERIALIZER_FETCH (on by default) resolves the deserializer here, not on the first call.
        this.reader = ToolJson.mapper().readerFor(type);
        this.type = type.getRawClass();
    }

    @Override
    public Object bind(JsonNode node, int parameter, String path, Violations out) {
        try {
            Object value = reader.readValue(node);
            if (value == null) {
                // Jackson reads "" as null for java.time and other scalar types: a value was sent, but it is not one
                // (found by ArgumentBindingFuzzTest: {"hold": ""} for an Optional<Duration> ended in INTERNAL).
                out.add(new Violation(parameter, path, Violation.TYPE, expected(type), node));
                return FAILED;
            }
            return value;
        } catch (JsonMappingException e) {
            out.add(translate(e, parameter, path, node));
            return FAILED;
        } catch (IOException | RuntimeException e) {
            out.add(new Violation(parameter, path, Violation.TYPE, "cannot be read: " + firstLine(e.getMessage()),
                    node));
            return FAILED;
        }
    }

    static Violation translate(JsonMappingException e, int parameter, String root, JsonNode rootNode) {
        StringBuilder path = new StringBuilder(root);
        JsonNode at = rootNode;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
                at = at == null ? null : at.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
                at = at == null ? null : at.get(ref.getIndex());
            }
        }
        // A non-finite double is the parser's reading of e.g. 1e400: echoing "Infinity" would misquote the model.
        JsonNode rejected = at == null || at.isMissingNode() || RealNumbers.isNonFinite(at) ? null : at;
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            return new Violation(parameter, path.toString(), Violation.UNKNOWN, "is not a field of "
                    + u.getReferringClass().getSimpleName() + "; known fields: " + known(u.getKnownPropertyIds()),
                    rejected);
        }
        if (e instanceof LenientWholeNumberDeserializer.RuleViolation) {
            return new Violation(parameter, path.toString(), Violation.TYPE, original, rejected);
        }
        if (original.startsWith("Missing required creator property")
                || original.equals(LenientWholeNumberDeserializer.NULL_MESSAGE)
                || original.startsWith("Cannot map `null`")) {
            return new Violation(parameter, path.toString(), Violation.REQUIRED, "is required", rejected);
        }
        if (e instanceof InvalidFormatException f) {
            return new Violation(parameter, path.toString(), Violation.TYPE, expected(f.getTargetType()), rejected);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new Violation(parameter, path.toString(), Violation.TYPE, expected(m.getTargetType()), rejected);
        }
        return new Violation(parameter, path.toString(), Violation.TYPE, "cannot be read: " + firstLine(original),
                rejected);
    }

    /** "must be ..." for a Java type, in words a model understands. */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        String iso = ISO_EXAMPLES.get(type);
        if (iso != null) {
            return "must be an ISO-8601 " + type.getSimpleName() + " such as " + iso;
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 " + type.getSimpleName();
        }
        WholeNumbers whole = WholeNumbers.forType(type);
        if (whole != null) {
            return whole.message();
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object (" + type.getSimpleName() + ")";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed value";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
