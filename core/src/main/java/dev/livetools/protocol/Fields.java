package dev.livetools.protocol;

import dev.livetools.protocol.internal.CamelCaseTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A read view of one JSON object of a Live message. Keys are looked up by their lowerCamelCase name and also match
 * their proto snake_case spelling, because the service (and the Python SDK) accept both. Every read is typed, and a
 * value of the wrong shape raises a {@link ProtocolException} naming its path. Keys that were never read are
 * {@link #unread() unread}: the caller keeps them as {@code extra} so unknown fields survive a round trip.
 * Not for user-owned objects (function args, responses, schema properties): their keys are data and stay verbatim.
 */
final class Fields {

    private final ObjectNode node;
    private final String path;
    private final Map<String, String> actualKeyByCamel;
    private final Set<String> read = new HashSet<>();

    private Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
        Map<String, String> keys = new LinkedHashMap<>();
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String actual = it.next();
            // The camelCase spelling wins when a sender (wrongly) uses both.
            String camel = camelCase(actual);
            if (!keys.containsKey(camel) || actual.equals(camel)) {
                keys.put(camel, actual);
            }
        }
        this.actualKeyByCamel = keys;
    }

    /** A view of {@code node}, which must be a JSON object. */
    public static Fields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new ProtocolException(path, "expected a JSON object, got " + describe(node));
        }
        return new Fields((ObjectNode) node, path);
    }

    /** {@code tool_response} becomes {@code toolResponse}; the one rule lives in {@link CamelCaseTree}. */
    public static String camelCase(String key) {
        return CamelCaseTree.camelCase(key);
    }

    public String path() {
        return path;
    }

    public String path(String key) {
        return path.isEmpty() || path.equals("$") ? key : path + "." + key;
    }

    /** The normalised (camelCase) keys present, in document order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(actualKeyByCamel.keySet());
    }

    /** The raw value, or {@code null} when absent or JSON {@code null}; marks the key as read. */
    public JsonNode raw(String key) {
        String actual = actualKeyByCamel.get(key);
        if (actual == null) {
            return null;
        }
        read.add(key);
        JsonNode value = node.get(actual);
        return value == null || value.isNull() ? null : value;
    }

    /** The raw value without marking it read (so it still lands in {@link #unread()} unless read later). */
    public JsonNode peek(String key) {
        String actual = actualKeyByCamel.get(key);
        JsonNode value = actual == null ? null : node.get(actual);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String key) {
        return actualKeyByCamel.containsKey(key);
    }

    public String string(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrong(key, "a string", v);
        }
        return v.textValue();
    }

    public Boolean bool(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.valueOf(v.textValue());
        }
        throw wrong(key, "a boolean", v);
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(bool(key));
    }

    /** An int64: proto3 JSON writes it as a string, but numbers are accepted too. */
    public Long int64(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrong(key, "an integer (number or decimal string)", v);
            }
        }
        // A whole number written as a float (42.0, 1e3). Beyond the long range the cast would clamp silently to
        // Long.MAX_VALUE; such a value is refused like any other that is not an int64.
        double d = v.isNumber() ? v.doubleValue() : Double.NaN;
        if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        throw wrong(key, "an integer (number or decimal string)", v);
    }

    public Integer int32(String key) {
        Long v = int64(key);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ProtocolException(path(key), "expected a 32-bit integer, got " + v);
        }
        return v.intValue();
    }

    public Double number(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrong(key, "a number", v);
            }
        }
        throw wrong(key, "a number", v);
    }

    /** A {@code google.protobuf.Duration} such as {@code "50s"} or {@code "1.5s"}. */
    public Duration duration(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return ProtoDurations.ofSeconds(v.decimalValue());
        }
        if (!v.isTextual()) {
            throw wrong(key, "a duration string such as \"50s\"", v);
        }
        try {
            return ProtoDurations.parse(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(path(key), e.getMessage());
        }
    }

    /** A nested message, or {@code null} when absent. */
    public Fields object(String key) {
        JsonNode v = raw(key);
        return v == null ? null : of(v, path(key));
    }

    /** A user-owned object (args, response): returned verbatim, keys untouched. */
    public ObjectNode userObject(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrong(key, "a JSON object", v);
        }
        return (ObjectNode) v;
    }

    public List<String> strings(String key) {
        return list(key, (item, p) -> {
            if (!item.isTextual()) {
                throw new ProtocolException(p, "expected a string, got " + describe(item));
            }
            return item.textValue();
        });
    }

    /** A list of nested messages, each decoded by {@code reader}. */
    public <T> List<T> objects(String key, java.util.function.Function<Fields, T> reader) {
        return list(key, (item, p) -> reader.apply(of(item, p)));
    }

    public <T> List<T> list(String key, BiFunction<JsonNode, String, T> reader) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw wrong(key, "an array", v);
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(reader.apply(v.get(i), path(key) + "[" + i + "]"));
        }
        return out;
    }

    /** Fields present but never read, by camelCase key, values verbatim. */
    public Map<String, JsonNode> unread() {
        Map<String, JsonNode> extra = null;
        for (var e : actualKeyByCamel.entrySet()) {
            if (!read.contains(e.getKey())) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(e.getKey(), node.get(e.getValue()));
            }
        }
        return extra == null ? Map.of() : extra;
    }

    public ProtocolException wrong(String key, String expected, JsonNode got) {
        return new ProtocolException(path(key), "expected " + expected + ", got " + describe(got));
    }

    /** The node's JSON type, never its content (frames can carry large audio or user data). */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
