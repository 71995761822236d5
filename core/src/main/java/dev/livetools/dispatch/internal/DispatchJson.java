package dev.livetools.dispatch.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.livetools.sdk.Param;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The one Jackson configuration dispatch binds arguments and writes results with. Configured once and shared: an
 * {@link ObjectMapper} is thread-safe after configuration, and sharing it shares Jackson's (de)serializer caches.
 */
final class DispatchJson {

    private static final ObjectMapper MAPPER = create();

    private DispatchJson() {
    }

    /** The shared mapper. Do not reconfigure it. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule wholeNumbers = new SimpleModule("livetools-whole-numbers");
        for (Class<?> c : new Class<?>[] {int.class, Integer.class, long.class, Long.class, short.class, Short.class,
                byte.class, Byte.class, BigInteger.class}) {
            addDeserializer(wholeNumbers, c);
        }
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(wholeNumbers)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .annotationIntrospector(new ToolTypeIntrospector())
                .build();
        return mapper;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addDeserializer(SimpleModule module, Class<?> type) {
        module.addDeserializer((Class) type, new LenientWholeNumberDeserializer(type));
    }

    /**
     * Makes nested records and POJOs follow the same rules as tool parameters: {@code @Param(name)} renames a field,
     * and a field is required unless it is an {@code Optional}, {@code @Nullable} or {@code @Param(required=false)},
     * so a model that leaves out a nested field hears about it instead of getting a silent 0 or null.
     */
    private static final class ToolTypeIntrospector extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public PropertyName findNameForDeserialization(Annotated a) {
            Param param = _findAnnotation(a, Param.class);
            if (param != null && !param.name().isEmpty()) {
                return PropertyName.construct(param.name());
            }
            return super.findNameForDeserialization(a);
        }

        @Override
        public PropertyName findNameForSerialization(Annotated a) {
            Param param = _findAnnotation(a, Param.class);
            if (param != null && !param.name().isEmpty()) {
                return PropertyName.construct(param.name());
            }
            return super.findNameForSerialization(a);
        }

        @Override
        public Boolean hasRequiredMarker(AnnotatedMember m) {
            Boolean explicit = super.hasRequiredMarker(m);
            if (explicit != null) {
                return explicit;
            }
            Class<?> raw = m.getRawType();
            if (raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                    || raw == OptionalDouble.class) {
                return null;
            }
            Param param = _findAnnotation(m, Param.class);
            if (param != null && !param.required()) {
                return null;
            }
            for (java.lang.annotation.Annotation a : m.getAllAnnotations().annotations()) {
                if (a.annotationType().getSimpleName().equals("Nullable")) {
                    return null;
                }
            }
            return Boolean.TRUE;
        }
    }
}
