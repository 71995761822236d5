package dev.livetools.schema;

import dev.livetools.protocol.Schema;
import dev.livetools.protocol.SchemaRules;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Java parameter types into Gemini's OpenAPI-subset {@link Schema}. Work happens once, at catalog build.
 *
 * <p>Supported: primitives and their boxes, {@code String}, {@code char}, enums (their constant names), arrays,
 * {@code List}/{@code Set}/{@code Collection}, {@code Map<String, V>}, records and classes with fields (nested, with
 * {@code @Param} on components and fields), {@code Optional}, {@code BigDecimal}/{@code BigInteger}, {@code UUID},
 * {@code URI}, {@code java.time} values, {@code byte[]} (base64), and generic types whose arguments are any of these.
 * Jakarta Validation constraints narrow the schema where the subset can say so and add a sentence to the
 * description where it cannot. Anything else fails with an {@link UnsupportedTypeException} naming where it sits.
 * Every parameter's schema is checked against {@link SchemaRules}, the service's rules: only the formats it
 * accepts ({@code enum}, {@code date-time}, {@code int32}, {@code int64}, {@code float}, {@code double}) appear;
 * other hints are patterns and descriptions.
 *
 * <p>Output is deterministic: properties keep declaration order and {@code propertyOrdering} says so.
 */
public final class SchemaGenerator {

    /**
     * One tool argument as the schema sees it.
     *
     * @param name the name the model uses in {@code args}
     * @param description the description shown to the model, or empty
     * @param type the full generic type the argument binds to
     * @param required whether the model must supply it
     * @param javaParameter the reflective parameter, for its annotations
     */
    public record Argument(String name, String description, Type type, boolean required, Parameter javaParameter) {
    }

    /**
     * The OBJECT schema for a tool's {@code parameters}.
     *
     * @param arguments the parameters the model supplies, in signature order
     * @return the schema, or {@code null} when the model supplies nothing
     * @throws UnsupportedTypeException naming the parameter (and the field inside it) whose type cannot be expressed
     */
    public Schema parametersSchema(List<Argument> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Argument p : arguments) {
            Site site = site(p);
            Schema schema;
            try {
                schema = new TypeWalker().site(site, Bindings.NONE);
            } catch (UnsupportedTypeException e) {
                throw new UnsupportedTypeException("parameter '" + p.name() + "': " + e.getMessage());
            }
            properties.put(p.name(), requireAccepted(p.name(), schema));
            if (p.required()) {
                required.add(p.name());
            }
        }
        return Schema.of(Schema.Type.OBJECT).withProperties(properties, required.isEmpty() ? null : required,
                List.copyOf(properties.keySet()));
    }

    /**
     * The schema of one Java type, without any constraints or description of a particular use.
     *
     * @param type a class or a parameterized type such as {@code List<Schedule>}
     * @return its schema
     * @throws UnsupportedTypeException if the type cannot be expressed
     */
    public Schema schemaFor(Type type) {
        return new TypeWalker().site(new Site("value", "", TypeUse.of(type), List.of(), true, "value"),
                Bindings.NONE);
    }

    /**
     * The schema of one annotated type use, with the constraints written on it ({@code List<@NotBlank String>}).
     *
     * @param type the annotated type, e.g. from {@link Parameter#getAnnotatedType()}
     * @return its schema
     * @throws UnsupportedTypeException if the type cannot be expressed
     */
    public Schema schemaFor(AnnotatedType type) {
        return new TypeWalker().site(new Site("value", "", TypeUse.of(type), List.of(), true, "value"),
                Bindings.NONE);
    }

    /**
     * {@code schema} when the service would accept it, else a failure naming the parameter and each broken rule:
     * the self-check that turns a refused {@code setup} (which ends a Live session) into a discovery error.
     */
    static Schema requireAccepted(String parameter, Schema schema) {
        List<SchemaRules.Violation> violations = SchemaRules.check(schema);
        if (violations.isEmpty()) {
            return schema;
        }
        throw new UnsupportedTypeException("parameter '" + parameter + "': its schema breaks the Gemini API's rules,"
                + " which would refuse the session's setup: " + violations.stream()
                .map(v -> v.path().isEmpty() ? v.reason() : v.toString()).collect(Collectors.joining("; ")));
    }

    private static Site site(Argument p) {
        Parameter jp = p.javaParameter();
        AnnotatedType annotated = jp.getAnnotatedType();
        // Use the annotated form only when it is the same type the catalog resolved.
        TypeUse use = annotated.getType().equals(p.type()) ? TypeUse.of(annotated) : TypeUse.of(p.type());
        return new Site(p.name(), p.description(), use, Arrays.asList(jp.getAnnotations()), p.required(), p.name());
    }
}
