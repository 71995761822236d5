package dev.livetools.schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;

/**
 * A type as written at one place, with its type-use annotations when they are known ({@code List<@NotBlank String>}).
 * Walking a plain {@link Type} and an {@link AnnotatedType} the same way keeps one code path for both.
 *
 * @param type the Java type
 * @param annotated the same type with annotations, or {@code null} when only the plain type is known
 */
record TypeUse(Type type, AnnotatedType annotated) {

    static TypeUse of(Type type) {
        return new TypeUse(type, null);
    }

    static TypeUse of(AnnotatedType annotated) {
        return new TypeUse(annotated.getType(), annotated);
    }

    /** Type-use annotations written on this type itself. */
    List<Annotation> annotations() {
        return annotated == null ? List.of() : List.of(annotated.getAnnotations());
    }

    /** The {@code i}-th type argument of a parameterized type. */
    TypeUse typeArgument(int i) {
        if (annotated instanceof AnnotatedParameterizedType apt) {
            return of(apt.getAnnotatedActualTypeArguments()[i]);
        }
        return of(((ParameterizedType) type).getActualTypeArguments()[i]);
    }

    /** The element type of an array type. */
    TypeUse component() {
        if (annotated instanceof AnnotatedArrayType aat) {
            return of(aat.getAnnotatedGenericComponentType());
        }
        if (type instanceof GenericArrayType gat) {
            return of(gat.getGenericComponentType());
        }
        return of(((Class<?>) type).getComponentType());
    }

    /** The upper bounds of a wildcard ({@code ? extends X}). */
    TypeUse[] upperBounds() {
        if (annotated instanceof AnnotatedWildcardType awt) {
            AnnotatedType[] bounds = awt.getAnnotatedUpperBounds();
            TypeUse[] out = new TypeUse[bounds.length];
            for (int i = 0; i < bounds.length; i++) {
                out[i] = of(bounds[i]);
            }
            return out;
        }
        Type[] bounds = ((WildcardType) type).getUpperBounds();
        TypeUse[] out = new TypeUse[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            out[i] = of(bounds[i]);
        }
        return out;
    }

    /** The class of this type, ignoring type arguments; {@code null} for type variables and wildcards. */
    Class<?> rawClass() {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt) {
            return (Class<?>) pt.getRawType();
        }
        return null;
    }

    boolean isArray() {
        return type instanceof GenericArrayType || type instanceof Class<?> c && c.isArray();
    }
}
