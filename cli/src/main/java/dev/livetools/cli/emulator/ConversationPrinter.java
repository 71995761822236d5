package dev.livetools.cli.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.testkit.RecordedFrame;
import dev.livetools.testkit.internal.WireJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Prints the conversation as the emulated model sees it, from the emulator's frames: user turns, model text, every
 * tool call with its arguments, every answer with its round-trip time (from the toolCall frame to the answer), and
 * cancellations.
 */
final class ConversationPrinter implements Consumer<RecordedFrame> {

    private static final int MAX_DETAIL = 110;

    private final PrintWriter out;
    private final Map<String, String> callNames = new HashMap<>();
    private final Map<String, Duration> callSent = new HashMap<>();
    private int calls;
    private int errors;
    private int cancelled;

    ConversationPrinter(PrintWriter out) {
        this.out = out;
    }

    int calls() {
        return calls;
    }

    int errors() {
        return errors;
    }

    int cancelled() {
        return cancelled;
    }

    @Override
    public void accept(RecordedFrame frame) {
        JsonNode message = frame.json();
        if (!message.isObject()) {
            return;
        }
        if (frame.direction() == RecordedFrame.Direction.RECEIVED) {
            received(frame.at(), message);
        } else {
            sent(frame.at(), message);
        }
        out.flush();
    }

    private void received(Duration at, JsonNode message) {
        JsonNode content = field(message, "clientContent");
        for (JsonNode turn : content.path("turns")) {
            for (JsonNode part : turn.path("parts")) {
                if (part.has("text")) {
                    line(at, "user", part.get("text").asText());
                }
            }
        }
        JsonNode realtime = field(message, "realtimeInput");
        if (realtime.has("text")) {
            line(at, "user", realtime.get("text").asText());
        }
        for (JsonNode response : field(message, "toolResponse").path("functionResponses")) {
            answer(at, response);
        }
    }

    private void answer(Duration at, JsonNode response) {
        String id = response.path("id").asText();
        String name = response.path("name").asText(callNames.getOrDefault(id, "?"));
        Duration sent = callSent.get(id);
        String took = sent == null ? "" : " in " + at.minus(sent).toMillis() + " ms";
        boolean partial = response.path("willContinue").asBoolean(false)
                || response.path("will_continue").asBoolean(false);
        JsonNode body = response.path("response");
        if (body.has("error")) {
            errors++;
            JsonNode error = body.get("error");
            line(at, "tool", "<- " + name + " error " + error.path("type").asText() + took + ": "
                    + shorten(error.path("message").asText(WireJson.compact(error))));
        } else {
            line(at, "tool", "<- " + name + (partial ? " partial" : " ok") + took + ": "
                    + summary(body.path("output")));
        }
    }

    private void sent(Duration at, JsonNode message) {
        JsonNode content = message.path("serverContent");
        for (JsonNode part : content.path("modelTurn").path("parts")) {
            if (part.has("text")) {
                line(at, "model", part.get("text").asText());
            }
        }
        if (content.path("interrupted").asBoolean(false)) {
            line(at, "model", "(interrupted)");
        }
        for (JsonNode call : message.path("toolCall").path("functionCalls")) {
            calls++;
            String id = call.path("id").asText();
            callNames.put(id, call.path("name").asText());
            callSent.put(id, at);
            line(at, "model", "-> " + call.path("name").asText() + arguments(call.path("args")) + "   [" + id + "]");
        }
        for (JsonNode id : message.path("toolCallCancellation").path("ids")) {
            cancelled++;
            line(at, "model", "x  cancels " + callNames.getOrDefault(id.asText(), "call") + " [" + id.asText() + "]");
        }
        if (content.path("turnComplete").asBoolean(false)) {
            out.println();
        }
    }

    private static JsonNode field(JsonNode message, String camel) {
        JsonNode value = message.path(camel);
        return value.isMissingNode() ? message.path(dev.livetools.protocol.internal.CamelCaseTree.snakeCase(camel)) : value;
    }

    private static String arguments(JsonNode args) {
        StringBuilder text = new StringBuilder("(");
        for (Iterator<Map.Entry<String, JsonNode>> it = args.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> arg = it.next();
            text.append(arg.getKey()).append('=').append(WireJson.compact(arg.getValue()));
            if (it.hasNext()) {
                text.append(", ");
            }
        }
        return text.append(')').toString();
    }

    /** A tool's own {@code summary} or {@code message} when it has one, else its compact JSON. */
    private static String summary(JsonNode output) {
        for (String field : new String[] {"summary", "message"}) {
            if (output.path(field).isTextual()) {
                return shorten(output.get(field).asText());
            }
        }
        return shorten(output.isTextual() ? output.asText() : WireJson.compact(output));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 3) + "...";
    }

    private void line(Duration at, String who, String text) {
        out.printf("%7.3fs  %-5s  %s%n", at.toNanos() / 1e9, who, text);
    }
}
