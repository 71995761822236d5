package dev.livetools.protocol.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A copy of a Live message tree with every message field name in lowerCamelCase, for code that checks the raw tree
 * (the emulator's rules for unknown fields, which the typed decoder keeps rather than refuses). Proto3 JSON parsing
 * accepts both spellings and the Python SDK sends snake_case ({@code tool_response}, {@code trigger_tokens}; live-
 * protocol.md §2). User data is left alone: struct values ({@code args}, {@code response}), schema property names and
 * label maps. Names are converted by {@link #camelCase(String)}, the rule the decoder uses too.
 */
public final class CamelCaseTree {

    /** Fields whose value is a free-form struct: neither its keys nor anything below are field names. */
    private static final Set<String> STRUCTS = Set.of("args", "response", "default", "example", "partialArgs");
    /** Fields whose value is a map: its keys are user names, its values are messages again. */
    private static final Set<String> MAPS = Set.of("properties", "labels", "defs", "$defs");

    private CamelCaseTree() {
    }

    /** A copy of {@code node} with every message field name in lowerCamelCase. */
    public static JsonNode normalize(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = camelCase(field.getKey());
                out.set(name, normalizeValue(name, field.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
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
            ObjectNode out = Json.object();
            value.fields().forEachRemaining(entry -> out.set(entry.getKey(), normalize(entry.getValue())));
            return out;
        }
        return normalize(value);
    }

    /** {@code functionDeclarations} becomes {@code function_declarations}, the spelling of proto error paths. */
    public static String snakeCase(String name) {
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

    /** {@code tool_response} becomes {@code toolResponse}; a camelCase key is returned unchanged. */
    public static String camelCase(String key) {
        if (key.indexOf('_') < 0) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
