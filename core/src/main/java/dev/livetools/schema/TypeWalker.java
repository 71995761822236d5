package dev.livetools.schema;

import dev.livetools.protocol.Schema;
import dev.livetools.protocol.Schema.Type;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Walks one declared type into a schema. Not thread-safe and not reusable: it tracks the types being expanded, to
 * reject recursion, and the property path, to say where an unsupported type sits.
 */
final class TypeWalker {

    private static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "com.fasterxml.jackson.", "dev.livetools.sdk.");

    private final Deque<Class<?>> expanding = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();

    /** The schema of a named value: its type, its constraints, {@code nullable}, the author's description. */
    Schema site(Site site, Bindings scope) {
        List<Annotation> annotations = site.allAnnotations();
        Schema s = type(site.type(), scope, site.declarationAnnotations());
        s = Constraints.apply(s, annotations);
        if (Presence.nullable(site.type().type(), annotations)) {
            s = s.withNullable(true);
        }
        return Descriptions.prepend(s, site.description().isEmpty() ? null : site.description());
    }

    /**
     * The schema of a type without the constraints written on the type itself (callers apply those).
     *
     * @param notForComponent declaration annotations that Java also copies onto an array's element type
     *        ({@code @Size String[]} is a size of the array, not of each string)
     */
    private Schema type(TypeUse use, Bindings scope, List<Annotation> notForComponent) {
        java.lang.reflect.Type t = use.type();
        if (t instanceof TypeVariable<?> variable) {
            Bindings.Bound bound = scope.get(variable);
            if (bound == null) {
                String owner = variable.getGenericDeclaration() instanceof Class<?> c ? c.getSimpleName()
                        : ((java.lang.reflect.Method) variable.getGenericDeclaration()).getName() + "()";
                throw fail("type variable " + variable.getName() + " of " + owner
                        + " is not resolved; use a concrete type");
            }
            return element(bound.use(), bound.scope());
        }
        if (t instanceof WildcardType wildcard) {
            TypeUse[] upper = use.upperBounds();
            if (wildcard.getLowerBounds().length > 0 || upper.length != 1 || upper[0].type() == Object.class) {
                throw fail("wildcard type argument '" + wildcard.getTypeName()
                        + "' says nothing about the values; use a concrete type argument");
            }
            return element(upper[0], scope);
        }
        if (use.isArray()) {
            if (t == byte[].class) {
                return ScalarTypes.of(byte[].class);
            }
            TypeUse component = use.component();
            List<Annotation> own = new ArrayList<>(component.annotations());
            own.removeAll(notForComponent);
            return Schema.of(Type.ARRAY).withItems(Constraints.apply(type(component, scope, List.of()), own));
        }
        Class<?> raw = use.rawClass();
        if (raw == null) {
            throw fail("type " + t.getTypeName() + " is not supported");
        }
        if (t instanceof Class<?> c) {
            Schema scalar = ScalarTypes.of(c);
            if (scalar != null) {
                return scalar;
            }
            if (c.isEnum()) {
                return enumSchema(c);
            }
        }
        return container(raw, use, scope);
    }

    private Schema container(Class<?> raw, TypeUse use, Bindings scope) {
        if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
            Class<?> value = raw == OptionalInt.class ? int.class : raw == OptionalLong.class ? long.class
                    : double.class;
            return ScalarTypes.of(value).withNullable(true);
        }
        if (raw == Optional.class) {
            return element(argument(raw, use, 0), scope).withNullable(true);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Schema array = Schema.of(Type.ARRAY).withItems(element(argument(raw, use, 0), scope));
            return Set.class.isAssignableFrom(raw) ? Descriptions.append(array, "Items must be distinct.") : array;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(raw, use, scope);
        }
        if (raw == Object.class) {
            throw fail("java.lang.Object says nothing about the value; use a concrete type "
                    + "(a record, String, a List or Map<String, ...> of one)");
        }
        if (raw.isRecord() || isDataClass(raw)) {
            return object(raw, use, scope);
        }
        throw fail(raw.getName() + " is not supported: use a scalar, an enum, a java.time type, a record or a "
                + "class with fields, or an array, List, Set, Map<String, ...> or Optional of those");
    }

    private Schema map(Class<?> raw, TypeUse use, Bindings scope) {
        TypeUse key = argument(raw, use, 0);
        if (key.type() != String.class) {
            throw fail("map keys must be String (JSON object keys are text), not " + key.type().getTypeName());
        }
        Schema value = element(argument(raw, use, 1), scope);
        String summary = Descriptions.summary(value);
        String article = summary.startsWith("one of") ? "" : "aeiou".indexOf(summary.charAt(0)) >= 0 ? "an " : "a ";
        return Schema.of(Type.OBJECT).withDescription(
                "An object with any string keys; each value is " + article + summary + ".");
    }

    private Schema object(Class<?> raw, TypeUse use, Bindings scope) {
        if (expanding.contains(raw)) {
            String chain = expanding.stream().map(Class::getSimpleName)
                    .collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                        java.util.Collections.reverse(l);
                        return String.join(" -> ", l);
                    }));
            throw fail("recursive type: " + chain + " -> " + raw.getSimpleName()
                    + "; Gemini schemas cannot contain themselves: flatten the type or refer to items by id");
        }
        if (raw.getTypeParameters().length > 0 && !(use.type() instanceof ParameterizedType)) {
            throw fail("raw type " + raw.getSimpleName() + ": declare its type arguments");
        }
        expanding.push(raw);
        try {
            Map<String, Schema> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (DataProperties.Property p : DataProperties.of(raw, Bindings.of(raw, use, scope))) {
                Site site = p.site();
                path.addLast(site.javaName());
                try {
                    if (properties.put(site.name(), site(site, p.scope())) != null) {
                        throw fail("two properties are named '" + site.name() + "'");
                    }
                    if (site.required()) {
                        required.add(site.name());
                    }
                } finally {
                    path.removeLast();
                }
            }
            return Schema.of(Type.OBJECT).withProperties(properties, required.isEmpty() ? null : required,
                    List.copyOf(properties.keySet()));
        } finally {
            expanding.pop();
        }
    }

    /** The schema of a type argument or array element, with the constraints written on it. */
    private Schema element(TypeUse use, Bindings scope) {
        return Constraints.apply(type(use, scope, List.of()), Constraints.flatten(use.annotations()));
    }

    private TypeUse argument(Class<?> raw, TypeUse use, int index) {
        if (!(use.type() instanceof ParameterizedType pt) || pt.getActualTypeArguments().length <= index) {
            throw fail("raw " + raw.getSimpleName() + ": declare its type arguments, e.g. "
                    + (Map.class.isAssignableFrom(raw) ? raw.getSimpleName() + "<String, Integer>"
                    : raw.getSimpleName() + "<String>"));
        }
        return use.typeArgument(index);
    }

    private static Schema enumSchema(Class<?> c) {
        List<String> values = new ArrayList<>();
        for (Object constant : c.getEnumConstants()) {
            values.add(((Enum<?>) constant).name());
        }
        return Schema.of(Type.STRING).withFormat("enum").withEnumValues(values);
    }

    private boolean isDataClass(Class<?> c) {
        if (c.isInterface() || c.isPrimitive() || Modifier.isAbstract(c.getModifiers())
                || LIBRARY_PACKAGES.stream().anyMatch(c.getName()::startsWith)) {
            return false;
        }
        if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            throw fail(c.getSimpleName() + " is an inner class; make it static (or a record) so it can be created");
        }
        try {
            c.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw fail(c.getSimpleName() + " has no no-argument constructor to bind arguments with; "
                    + "make it a record or add one");
        }
        return true;
    }

    private UnsupportedTypeException fail(String reason) {
        return new UnsupportedTypeException(path.isEmpty() ? reason : reason + " (at " + String.join(" -> ", path) + ")");
    }
}
