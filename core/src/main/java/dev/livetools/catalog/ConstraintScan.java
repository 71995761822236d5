package dev.livetools.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a method carries Jakarta Validation annotations, read by reflection alone: a tool without any never needs
 * Hibernate Validator, so a catalog of such tools does not pay its bootstrap. Looks at the method and every method it
 * overrides, since constraints declared on an interface or superclass method apply too.
 */
final class ConstraintScan {

    private ConstraintScan() {
    }

    /** Whether {@code method} itself declares a constraint or {@code @Valid}, on itself, a parameter or a type use. */
    static boolean declares(Method method) {
        for (Annotation a : method.getAnnotations()) {
            if (isConstraint(a)) {
                return true;
            }
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (isConstraint(a)) {
                    return true;
                }
            }
        }
        for (AnnotatedType t : method.getAnnotatedParameterTypes()) {
            if (constrained(t)) {
                return true;
            }
        }
        return constrained(method.getAnnotatedReturnType());
    }

    /** Like {@link #declares}, also over the methods {@code method} overrides. */
    static boolean declaresInHierarchy(Method method) {
        if (declares(method)) {
            return true;
        }
        Deque<Class<?>> types = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        Class<?> owner = method.getDeclaringClass();
        if (owner.getSuperclass() != null) {
            types.add(owner.getSuperclass());
        }
        types.addAll(java.util.List.of(owner.getInterfaces()));
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (type == Object.class || !seen.add(type)) {
                continue;
            }
            try {
                if (declares(type.getDeclaredMethod(method.getName(), method.getParameterTypes()))) {
                    return true;
                }
            } catch (NoSuchMethodException ignored) {
                // Not declared here; keep looking further up.
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(java.util.List.of(type.getInterfaces()));
        }
        return false;
    }

    private static boolean constrained(AnnotatedType t) {
        for (Annotation a : t.getAnnotations()) {
            if (isConstraint(a)) {
                return true;
            }
        }
        if (t instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                if (constrained(arg)) {
                    return true;
                }
            }
        }
        return t instanceof AnnotatedArrayType array && constrained(array.getAnnotatedGenericComponentType());
    }

    private static boolean isConstraint(Annotation a) {
        return a instanceof Valid || a.annotationType().isAnnotationPresent(Constraint.class);
    }
}
