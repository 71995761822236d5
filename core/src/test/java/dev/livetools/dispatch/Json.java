package dev.livetools.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.ToolCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds protocol messages from JSON text, the way tests read best. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** A call; {@code args} in JSON with single quotes for readability. */
    static FunctionCall call(String id, String name, String args) {
        return new FunctionCall(id, name, (ObjectNode) json(args));
    }

    static ToolCall toolCall(FunctionCall... calls) {
        return new ToolCall(List.of(calls));
    }

    /** A {@code toolCall} message from a recorded sample in {@code src/test/resources/dispatch}. */
    static ToolCall sample(String file) {
        try (InputStream in = Json.class.getResourceAsStream("/dispatch/" + file)) {
            JsonNode message = MAPPER.readTree(in).get("toolCall");
            return MAPPER.treeToValue(message, ToolCall.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
