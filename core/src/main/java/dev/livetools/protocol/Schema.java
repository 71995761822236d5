package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gemini's OpenAPI-subset {@code Schema}, as sent in {@code FunctionDeclaration.parameters}. Only fields the Live
 * service accepts exist here, so nothing outside the subset can be emitted. Absent fields are {@code null} and omitted
 * from JSON; field order is fixed so output is byte-stable. {@code minimum} and {@code maximum} are kept in plain form
 * ({@code 30}, never {@code 3E+1}). Which values the service accepts is {@link SchemaRules}' business.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "format", "title", "description", "nullable", "enum", "properties", "required",
        "propertyOrdering", "items", "minItems", "maxItems", "minimum", "maximum", "minLength", "maxLength",
        "pattern", "minProperties", "maxProperties"})
public record Schema(
        Type type,
        String format,
        String title,
        String description,
        Boolean nullable,
        @com.fasterxml.jackson.annotation.JsonProperty("enum") List<String> enumValues,
        Map<String, Schema> properties,
        List<String> required,
        List<String> propertyOrdering,
        Schema items,
        Long minItems,
        Long maxItems,
        BigDecimal minimum,
        BigDecimal maximum,
        Long minLength,
        Long maxLength,
        String pattern,
        Long minProperties,
        Long maxProperties) {

    /** Gemini schema types; uppercase on the wire. */
    public enum Type { STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT }

    public Schema {
        if (type == null) {
            throw new IllegalArgumentException("a Schema needs a type");
        }
        enumValues = enumValues == null ? null : List.copyOf(enumValues);
        properties = properties == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = required == null ? null : List.copyOf(required);
        propertyOrdering = propertyOrdering == null ? null : List.copyOf(propertyOrdering);
        minimum = plain(minimum);
        maximum = plain(maximum);
    }

    /**
     * The bound in its shortest form that prints without an exponent: {@code 30}, not {@code 3E+1} (what
     * {@code BigDecimal} prints for {@code 30} once trailing zeros are stripped) or {@code 30.0}.
     */
    private static BigDecimal plain(BigDecimal bound) {
        if (bound == null) {
            return null;
        }
        BigDecimal stripped = bound.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A schema of the given type and nothing else; start here and use the {@code with...} methods. */
    public static Schema of(Type type) {
        return new Schema(type, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public Schema withFormat(String v) { return new Schema(type, v, title, description, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withDescription(String v) { return new Schema(type, format, title, v, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withNullable(Boolean v) { return new Schema(type, format, title, description, v, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withEnumValues(List<String> v) { return new Schema(type, format, title, description, nullable, v, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withProperties(Map<String, Schema> v, List<String> req, List<String> ordering) { return new Schema(type, format, title, description, nullable, enumValues, v, req, ordering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withItems(Schema v) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, v, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withItemCount(Long min, Long max) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, items, min, max, minimum, maximum, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withRange(BigDecimal min, BigDecimal max) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, min, max, minLength, maxLength, pattern, minProperties, maxProperties); }
    public Schema withLength(Long min, Long max) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, min, max, pattern, minProperties, maxProperties); }
    public Schema withPattern(String v) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, v, minProperties, maxProperties); }
    public Schema withPropertyCount(Long min, Long max) { return new Schema(type, format, title, description, nullable, enumValues, properties, required, propertyOrdering, items, minItems, maxItems, minimum, maximum, minLength, maxLength, pattern, min, max); }
}
