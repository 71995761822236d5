package dev.livetools.schema;

import dev.livetools.catalog.ToolParameter;
import dev.livetools.protocol.Schema;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Java parameter types into Gemini's OpenAPI-subset {@link Schema}. Work happens once, at catalog build.
 */
public final class SchemaGenerator {

    /** The OBJECT schema for a tool's {@code parameters}, or {@code null} when the model supplies nothing. */
    public Schema parametersSchema(List<ToolParameter> arguments) {
        if (arguments.isEmpty()) {
            return null;
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (ToolParameter p : arguments) {
            Schema s = schemaFor(p.type());
            if (!p.description().isEmpty()) {
                s = s.withDescription(p.description());
            }
            properties.put(p.name(), s);
            if (p.required()) {
                required.add(p.name());
            }
        }
        return Schema.of(Schema.Type.OBJECT).withProperties(properties, required.isEmpty() ? null : required,
                List.copyOf(properties.keySet()));
    }

    /** The schema of one Java type. */
    public Schema schemaFor(Type type) {
        if (type == String.class) {
            return Schema.of(Schema.Type.STRING);
        }
        if (type == int.class || type == Integer.class) {
            return Schema.of(Schema.Type.INTEGER).withFormat("int32");
        }
        if (type == long.class || type == Long.class) {
            return Schema.of(Schema.Type.INTEGER).withFormat("int64");
        }
        if (type == double.class || type == Double.class) {
            return Schema.of(Schema.Type.NUMBER).withFormat("double");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Schema.of(Schema.Type.BOOLEAN);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return Schema.of(Schema.Type.STRING).withFormat("enum").withEnumValues(values);
        }
        throw new UnsupportedTypeException(type.getTypeName() + " is not supported as a tool parameter type");
    }
}
