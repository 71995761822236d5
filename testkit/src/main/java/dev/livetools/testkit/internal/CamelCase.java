package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Proto3 JSON parsing accepts both lowerCamelCase and snake_case field names (the Python SDK sends
 * {@code tool_response}, {@code trigger_tokens}, ...). The emulator rewrites every message field to lowerCamelCase
 * once, so the rest of the server reads one spelling. User data is left alone: struct values ({@code args},
 * {@code response}), schema property names and label maps.
 */
public final class CamelCase {

    /** Fields whose value is a free-form struct: neither its keys nor anything below are field names. */
    private static final Set<String> STRUCTS = Set.of("args", "response", "default", "example", "partialArgs");
    /** Fields whose value is a map: its keys are user names, its values are messages again. */
    private static final Set<String> MAPS = Set.of("properties", "labels", "defs", "$defs");

    private CamelCase() {
    }

    /** A copy of {@code node} with every message field name in lowerCamelCase. */
    public static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = WireJson.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = toCamel(field.getKey());
                out.set(name, normalizeValue(name, field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = WireJson.MAPPER.createArrayNode();
            node.forEach(element -> out.add(normalize(element)));
            return out;
        }
        return node;
    }

    private static JsonNode normalizeValue(String name, JsonNode value) {
        if (STRUCTS.contains(name)) {
            return value;
        }
        if (MAPS.contains(name) && value.isObject()) {
            ObjectNode out = WireJson.object();
            value.fields().forEachRemaining(entry -> out.set(entry.getKey(), normalize(entry.getValue())));
            return out;
        }
        return normalize(value);
    }

    /** {@code function_declarations} becomes {@code functionDeclarations}; camelCase passes unchanged. */
    public static String toCamel(String name) {
        if (name.indexOf('_') < 0) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' && out.length() > 0) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code functionDeclarations} becomes {@code function_declarations}, the spelling of proto error paths. */
    public static String toSnake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
