package dev.livetools.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Whether the model must supply a value: the one rule for tool parameters, record components and fields alike.
 * A value is optional when its type is an {@code Optional}, when it carries an annotation named {@code Nullable}
 * (any library's), or when {@code @Param(required = false)} says so; {@code @NotNull}, {@code @NotBlank} and
 * {@code @NotEmpty} make it required whatever else is said.
 */
public final class Presence {

    private Presence() {
    }

    /**
     * Decides whether a value is required.
     *
     * @param declaredRequired {@code @Param.required()}, or {@code true} without {@code @Param}
     * @param type the declared type
     * @param annotations the declaration and type-use annotations of the value
     * @return whether the name belongs in the schema's {@code required} list
     */
    public static boolean required(boolean declaredRequired, Type type, List<Annotation> annotations) {
        if (Constraints.forbidsNull(Constraints.flatten(annotations))) {
            return true;
        }
        return declaredRequired && !nullable(type, annotations);
    }

    /**
     * Whether the type or an annotation says {@code null} is a normal value.
     *
     * @param type the declared type
     * @param annotations the declaration and type-use annotations of the value
     * @return {@code true} for {@code Optional} types and {@code @Nullable} values
     */
    public static boolean nullable(Type type, List<Annotation> annotations) {
        return isOptional(type) || annotations.stream()
                .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    static boolean isOptional(Type type) {
        Type raw = type instanceof java.lang.reflect.ParameterizedType pt ? pt.getRawType() : type;
        return raw == Optional.class || raw == OptionalInt.class || raw == OptionalLong.class
                || raw == OptionalDouble.class;
    }
}
