package dev.livetools.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * What each type variable stands for while walking into a generic type: for {@code Page<Schedule>}, {@code T} of
 * {@code Page} is {@code Schedule}. Each binding keeps the scope it was written in, since the argument may itself
 * name an outer variable ({@code Page<U>} inside {@code Wrapper<U>}).
 */
final class Bindings {

    static final Bindings NONE = new Bindings(Map.of());

    /** One variable's value and the scope its own variables resolve in. */
    record Bound(TypeUse use, Bindings scope) {
    }

    private final Map<TypeVariable<?>, Bound> map;

    private Bindings(Map<TypeVariable<?>, Bound> map) {
        this.map = map;
    }

    /** The bindings for walking into {@code generic}'s members, given the arguments written at this use. */
    static Bindings of(Class<?> generic, TypeUse use, Bindings scope) {
        TypeVariable<?>[] variables = generic.getTypeParameters();
        if (variables.length == 0 || !(use.type() instanceof ParameterizedType)) {
            return NONE; // a raw use leaves the variables unbound; the walker names the first one it meets
        }
        Map<TypeVariable<?>, Bound> map = new HashMap<>();
        for (int i = 0; i < variables.length; i++) {
            map.put(variables[i], new Bound(use.typeArgument(i), scope));
        }
        return new Bindings(map);
    }

    Bound get(TypeVariable<?> variable) {
        return map.get(variable);
    }
}
