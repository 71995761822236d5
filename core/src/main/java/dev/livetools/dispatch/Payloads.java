package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.livetools.catalog.ToolJson;
import dev.livetools.tool.ArgumentViolation;
import dev.livetools.sdk.ToolException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code response} objects the model reads: {@code {"output": value}} for results and
 * {@code {"error": {"type", "message", ...}}} for failures. A response is always a JSON object (protocol §3.4) and
 * never says nothing: even {@code void} tools answer {@code {"output":"ok"}}.
 */
final class Payloads {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Payloads() {
    }

    static ObjectNode acknowledgement() {
        return wrap("output", TextNode.valueOf("ok"));
    }

    /** {@code {"output": value}}; throws if Jackson cannot serialise the value. */
    static ObjectNode output(Object value) {
        return wrap("output", json(value));
    }

    static ObjectNode unknownTool(String name, Collection<String> valid) {
        ObjectNode error = error(ErrorType.UNKNOWN_TOOL, "There is no tool named '" + name + "'. Valid tools: "
                + String.join(", ", valid));
        ArrayNode names = error.putArray("validTools");
        valid.forEach(names::add);
        return wrap("error", error);
    }

    static ObjectNode invalidArguments(String tool, List<ArgumentViolation> violations) {
        StringBuilder message = new StringBuilder("Invalid arguments for ").append(tool).append(": ");
        for (int i = 0; i < violations.size(); i++) {
            ArgumentViolation v = violations.get(i);
            message.append(i == 0 ? "" : "; ").append(Echo.text(v.path())).append(' ').append(Echo.text(v.message()));
        }
        ObjectNode error = error(ErrorType.INVALID_ARGUMENT, message.toString());
        error.set("violations", violationArray(violations));
        return wrap("error", error);
    }

    static ObjectNode invalidResult(String tool, List<ArgumentViolation> violations) {
        ObjectNode error = error(ErrorType.INTERNAL, tool + " produced a result that violates its own constraints");
        error.set("violations", violationArray(violations));
        return wrap("error", error);
    }

    static ObjectNode resultTooLarge(String tool, long bytes, long limit) {
        ObjectNode error = error(ErrorType.TOOL_ERROR, tool + " produced a result of " + bytes
                + " bytes, more than the " + limit + " bytes a result may have; ask for less (a page, a summary)");
        error.put("retryable", false);
        error.put("resultBytes", bytes);
        error.put("limitBytes", limit);
        return wrap("error", error);
    }

    static ObjectNode toolError(ToolException e) {
        ObjectNode error = error(ErrorType.TOOL_ERROR, e.getMessage());
        error.put("retryable", e.retryable());
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            // The documented fields win: a detail cannot disguise the error's type or message.
            if (!error.has(d.getKey())) {
                error.set(d.getKey(), jsonOrText(d.getValue()));
            }
        }
        return wrap("error", error);
    }

    /**
     * An unexpected exception: its type and the correlation id under which the host logged it; its own text only
     * if the redactor passed some on.
     */
    static ObjectNode internal(String tool, Throwable e, String message, String correlationId) {
        ObjectNode error = NODES.objectNode();
        error.put("type", ErrorType.INTERNAL.name());
        error.put("exception", e.getClass().getName());
        error.put("message", message != null && !message.isEmpty() ? message : tool + " failed unexpectedly ("
                + e.getClass().getSimpleName() + "); the host's log has the details under correlation id "
                + correlationId);
        error.put("correlationId", correlationId);
        return wrap("error", error);
    }

    static ObjectNode internal(String message) {
        return wrap("error", error(ErrorType.INTERNAL, message));
    }

    static ObjectNode deadlineExceeded(String tool, Duration timeout) {
        ObjectNode error = error(ErrorType.DEADLINE_EXCEEDED, tool + " did not finish within "
                + DurationWords.of(timeout) + " and was stopped");
        error.put("timeoutMillis", timeout.toMillis());
        return wrap("error", error);
    }

    static ObjectNode unavailable(String message) {
        return ErrorType.UNAVAILABLE.response(message);
    }

    private static JsonNode json(Object value) {
        return ToolJson.json(value);
    }

    private static JsonNode jsonOrText(Object value) {
        return ToolJson.jsonOrText(value);
    }

    private static ArrayNode violationArray(List<ArgumentViolation> violations) {
        ArrayNode array = NODES.arrayNode(violations.size());
        for (ArgumentViolation v : violations) {
            ObjectNode entry = array.addObject();
            entry.put("path", Echo.text(v.path()));
            entry.put("constraint", v.constraint());
            entry.put("message", Echo.text(v.message()));
            if (v.rejectedValue() != null) {
                entry.set("rejectedValue", Echo.value(v.rejectedValue()));
            }
        }
        return array;
    }

    private static ObjectNode error(ErrorType type, String message) {
        ObjectNode error = NODES.objectNode();
        error.put("type", type.name());
        error.put("message", message);
        return error;
    }

    private static ObjectNode wrap(String key, JsonNode value) {
        ObjectNode o = NODES.objectNode();
        o.set(key, value);
        return o;
    }
}
