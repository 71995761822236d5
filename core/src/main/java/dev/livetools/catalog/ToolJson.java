package dev.livetools.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.livetools.schema.ParamNamesModule;
import dev.livetools.schema.Presence;
import dev.livetools.sdk.Param;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Jackson configuration tool arguments are bound with and results written with. Configured once and shared:
 * an {@link ObjectMapper} is thread-safe after configuration, and sharing it shares Jackson's (de)serializer caches
 * between binding, results and the warm-up.
 */
public final class ToolJson {

    private static final ObjectMapper MAPPER = create();

    private ToolJson() {
    }

    /** The shared mapper. Do not reconfigure it. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A result value as JSON, the way the dispatcher writes it, with direct paths for the common scalars.
     *
     * @throws IllegalArgumentException if Jackson cannot write the value
     */
    public static JsonNode json(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof Integer i) {
            return IntNode.valueOf(i);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        if (value instanceof Long l) {
            return LongNode.valueOf(l);
        }
        if (value instanceof Double d) {
            return DoubleNode.valueOf(d);
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        return MAPPER.valueToTree(value);
    }

    /** Like {@link #json}, but never fails: what Jackson cannot write is sent as its {@code toString()}. */
    public static JsonNode jsonOrText(Object value) {
        try {
            return json(value);
        } catch (RuntimeException e) {
            return TextNode.valueOf(String.valueOf(value));
        }
    }

    private static ObjectMapper create() {
        SimpleModule numbers = new SimpleModule("livetools-numbers");
        for (Class<?> c : new Class<?>[] {int.class, Integer.class, long.class, Long.class, short.class, Short.class,
                byte.class, Byte.class, BigInteger.class}) {
            addDeserializer(numbers, c);
        }
        for (Class<?> c : new Class<?>[] {double.class, Double.class, float.class, Float.class, BigDecimal.class}) {
            addRealDeserializer(numbers, c);
        }
        // The introspector first: adding modules appends theirs to it, setting it later would drop them.
        ObjectMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new RequiredFieldsIntrospector())
                .addModule(new ParamNamesModule())
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(numbers)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        return mapper;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addRealDeserializer(SimpleModule module, Class<?> type) {
        module.addDeserializer((Class) type, new LenientRealNumberDeserializer(type));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addDeserializer(SimpleModule module, Class<?> type) {
        module.addDeserializer((Class) type, new LenientWholeNumberDeserializer(type));
    }

    /**
     * Makes nested records follow the schema's rule ({@link Presence}): a component is required unless it is an
     * {@code Optional}, {@code @Nullable} or {@code @Param(required=false)}, so a model that leaves out a nested field
     * hears about it instead of getting a silent 0 or null. Jackson enforces this for creator properties (records,
     * {@code @JsonCreator}); names come from {@link ParamNamesModule}.
     */
    private static final class RequiredFieldsIntrospector extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember m) {
            Boolean explicit = super.hasRequiredMarker(m);
            if (explicit != null) {
                return explicit;
            }
            Param param = _findAnnotation(m, Param.class);
            List<Annotation> annotations = new ArrayList<>();
            m.getAllAnnotations().annotations().forEach(annotations::add);
            return Presence.required(param == null || param.required(), m.getRawType(), annotations) ? Boolean.TRUE
                    : null;
        }
    }
}
