package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.internal.Json;
import java.nio.charset.StandardCharsets;

/**
 * JSON as the Live service writes it (2-space indentation, {@code ": "}, {@code {}} for an empty object, one array
 * element per line, a trailing newline; live-protocol.md §2). The emulator works on trees, so it needs only this
 * view of the codec's one Jackson configuration, which also writes our own server frames.
 */
public final class WireJson {

    public static final ObjectMapper MAPPER = Json.MAPPER;

    private WireJson() {
    }

    /** The bytes of one server frame. */
    public static byte[] serverFrame(ObjectNode message) {
        return Json.serviceStyle(message).getBytes(StandardCharsets.UTF_8);
    }

    /** Service-style text without the frame's trailing newline. */
    public static String pretty(JsonNode node) {
        String framed = Json.serviceStyle(node);
        return framed.substring(0, framed.length() - 1);
    }

    public static String compact(JsonNode node) {
        return Json.compact(node);
    }

    public static ObjectNode object() {
        return Json.object();
    }
}
