package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader for the frame a tool host waits on: a {@code toolCall} whose calls carry only {@code id},
 * {@code name} and {@code args}, and nothing else in the frame. It reads tokens straight into the records, skipping
 * the tree of the whole frame and the key normalisation of {@link Fields}; only {@code args} (user data) becomes a
 * tree, exactly as the general path keeps it.
 *
 * <p>It gives up ({@code null}) at the first thing it is not sure about: another key anywhere, a repeated key, a
 * {@code null}, a value of another shape, trailing content, malformed JSON. The caller then decodes the frame with
 * the general path, so every such frame, and every error message, is exactly what the general path makes of it.
 */
final class ToolCallFrames {

    private ToolCallFrames() {
    }

    /** The decoded frame, or {@code null} when it is not the plain shape (the general path must decode it). */
    public static ServerMessage tryDecode(JsonParser p) {
        try (p) {
            return read(p);
        } catch (IOException | RuntimeException e) {
            // Malformed or unexpected: the general path reports it with its own messages.
            return null;
        }
    }

    private static ServerMessage read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !is(p.currentName(), "toolCall", "tool_call")
                || p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !is(p.currentName(), "functionCalls", "function_calls")
                || p.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<FunctionCall> calls = new ArrayList<>(2);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            FunctionCall call = call(p);
            if (call == null) {
                return null;
            }
            calls.add(call);
        }
        if (t != JsonToken.END_ARRAY
                || p.nextToken() != JsonToken.END_OBJECT // toolCall holds nothing but functionCalls
                || p.nextToken() != JsonToken.END_OBJECT // the frame holds nothing but toolCall
                || p.nextToken() != null) {
            return null;
        }
        return ServerMessage.of(new ToolCall(calls));
    }

    /** One call, the parser on its START_OBJECT; {@code null} for anything but distinct id/name/args. */
    private static FunctionCall call(JsonParser p) throws IOException {
        String id = null;
        String name = null;
        ObjectNode args = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "id" -> {
                    if (value != JsonToken.VALUE_STRING || id != null) {
                        return null;
                    }
                    id = p.getText();
                }
                case "name" -> {
                    if (value != JsonToken.VALUE_STRING || name != null) {
                        return null;
                    }
                    name = p.getText();
                }
                case "args" -> {
                    if (value != JsonToken.START_OBJECT || args != null) {
                        return null;
                    }
                    JsonNode tree = Json.MAPPER.readTree(p);
                    if (!(tree instanceof ObjectNode o)) {
                        return null;
                    }
                    args = o;
                }
                default -> {
                    return null;
                }
            }
        }
        if (t != JsonToken.END_OBJECT || name == null) {
            return null;
        }
        return new FunctionCall(id, name, args);
    }

    private static boolean is(String key, String camel, String snake) {
        return camel.equals(key) || snake.equals(key);
    }
}
