package dev.livetools.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.livetools.testkit.internal.WireJson;
import java.time.Duration;
import java.util.Objects;

/**
 * One frame the emulator received or sent, in arrival order. {@code payload} is the JSON text of a data frame, or
 * the full (untruncated) reason of a close or of a refused handshake.
 *
 * @param connection 1 for the first connection accepted by this emulator, 2 for the next, ...
 * @param at         time since the emulator started
 * @param direction  who sent it
 * @param kind       frame kind
 * @param payload    JSON text, or close / refusal reason
 * @param closeCode  the close code for {@link Kind#CLOSE}, else 0
 */
public record RecordedFrame(int connection, Duration at, Direction direction, Kind kind, String payload,
                            int closeCode) {

    /** Who sent the frame. */
    public enum Direction { RECEIVED, SENT }

    /** What the frame is. */
    public enum Kind {
        /** A text data frame (clients send these). */
        TEXT,
        /** A binary data frame (the emulator sends JSON in these, like the service). */
        BINARY,
        /** A close: sent by the emulator, or received from the client. */
        CLOSE,
        /** The HTTP upgrade was refused (wrong path or key); the client sees 1006. */
        REFUSED
    }

    public RecordedFrame {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        payload = payload == null ? "" : payload;
    }

    /** The payload parsed as JSON; a missing node when it is not JSON (close reasons, malformed client frames). */
    public JsonNode json() {
        if (kind != Kind.TEXT && kind != Kind.BINARY) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = WireJson.MAPPER.readTree(payload);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /** The first top-level key of a JSON message ({@code setup}, {@code toolCall}, ...), else an empty string. */
    public String messageType() {
        JsonNode json = json();
        return json.isObject() && json.size() > 0 ? json.fieldNames().next() : "";
    }

    /** Whether this frame is a JSON message carrying {@code key} at the top level (snake_case or camelCase). */
    public boolean has(String key) {
        JsonNode json = json();
        return json.has(key) || json.has(dev.livetools.protocol.internal.CamelCaseTree.snakeCase(key));
    }
}
