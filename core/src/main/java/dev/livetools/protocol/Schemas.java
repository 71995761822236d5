package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link Schema} from {@code parameters}. Only the OpenAPI subset the Live service accepts is modelled;
 * other keywords are ignored here (a server wanting to reject them, as the real one does with 1007, inspects the raw
 * frame).
 */
final class Schemas {

    private Schemas() {
    }

    public static Schema read(Fields f) {
        String typeText = f.string("type");
        if (typeText == null) {
            throw new ProtocolException(f.path("type"), "a schema needs a type");
        }
        Schema.Type type;
        try {
            type = Schema.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(f.path("type"), "unsupported schema type '" + typeText + "'");
        }
        Map<String, Schema> properties = null;
        ObjectNode props = f.userObject("properties");
        if (props != null) {
            properties = new LinkedHashMap<>();
            for (var it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // Property names are the tool author's, kept verbatim; only the schema inside is a protocol object.
                properties.put(e.getKey(), read(Fields.of(e.getValue(), f.path("properties") + "." + e.getKey())));
            }
        }
        Fields items = f.object("items");
        return new Schema(type, f.string("format"), f.string("title"), f.string("description"), f.bool("nullable"),
                f.strings("enum"), properties, f.strings("required"), f.strings("propertyOrdering"),
                items == null ? null : read(items), f.int64("minItems"), f.int64("maxItems"), decimal(f, "minimum"),
                decimal(f, "maximum"), f.int64("minLength"), f.int64("maxLength"), f.string("pattern"),
                f.int64("minProperties"), f.int64("maxProperties"));
    }

    private static BigDecimal decimal(Fields f, String key) {
        JsonNode v = f.raw(key);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw f.wrong(key, "a number", v);
            }
        }
        throw f.wrong(key, "a number", v);
    }
}
