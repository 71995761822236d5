package dev.livetools.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.ResponseCheck;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.Step;
import dev.livetools.testkit.TextMatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON scenario format: {@code {"name": ..., "expectTimeout": "10s", "steps": [{"<kind>": <value>}, ...]}},
 * each step an object with exactly one key naming its kind. Reference: docs/testing.md.
 */
public final class ScenarioJson {

    private static final Set<String> TOP_LEVEL = Set.of("name", "expectTimeout", "steps", "description");

    private ScenarioJson() {
    }

    /** Thrown for an invalid scenario document; the message names the source, step index and field. */
    public static final class ScenarioFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ScenarioFormatException(String message) {
            super(message);
        }
    }

    public static Scenario parse(String json, String source) {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ScenarioFormatException("scenario " + source + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioFormatException("scenario " + source + ": the document must be a JSON object");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new ScenarioFormatException("scenario " + source + ": unknown field '" + name + "' (known: "
                        + TOP_LEVEL + ")");
            }
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new ScenarioFormatException("scenario " + source + ": 'steps' must be an array");
        }
        List<Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = "scenario " + source + ": steps[" + i + "]";
            try {
                parsed.add(step(steps.get(i), where));
            } catch (ScenarioFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ScenarioFormatException(where + ": " + e.getMessage());
            }
        }
        Duration timeout = root.has("expectTimeout")
                ? duration(root.get("expectTimeout"), "scenario " + source + ": expectTimeout")
                : Scenario.DEFAULT_EXPECT_TIMEOUT;
        return new Scenario(root.path("name").asText(source), parsed, timeout);
    }

    private static Step step(JsonNode node, String where) {
        if (!node.isObject() || node.size() != 1) {
            throw new ScenarioFormatException(where + ": a step is an object with exactly one key naming its kind");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String kind = entry.getKey();
        JsonNode value = entry.getValue();
        String at = where + " (" + kind + ")";
        return switch (kind) {
            case "expectText" -> new Step.ExpectText(textMatch(value, at));
            case "expectAudio" -> new Step.ExpectAudio(value.path("minBytes").asInt(1));
            case "expectActivityEnd" -> new Step.ExpectActivityEnd();
            case "expectToolResponse" -> new Step.ExpectToolResponse(each(value).stream()
                    .map(check -> responseCheck(check, at)).toList());
            case "expectNoToolResponse" -> new Step.ExpectNoToolResponse(strings(required(value, "ids", at), at),
                    duration(required(value, "window", at), at + ".window"));
            case "text" -> new Step.Text(text(value, at));
            case "audio" -> new Step.Audio(value.path("chunks").asInt(1), value.path("bytesPerChunk").asInt(4800));
            case "inputTranscription" -> transcription(Step.Transcription.Direction.INPUT, value, at);
            case "outputTranscription" -> transcription(Step.Transcription.Direction.OUTPUT, value, at);
            case "toolCall" -> new Step.ToolCall(each(value).stream().map(call -> call(call, at)).toList());
            case "toolCallCancellation" -> new Step.CancelToolCalls(strings(
                    value.isObject() ? required(value, "ids", at) : value, at));
            case "interrupted" -> new Step.Interrupted();
            case "turnComplete" -> new Step.TurnComplete(value.path("usageMetadata").isObject()
                    ? (ObjectNode) value.get("usageMetadata") : null);
            case "goAway" -> new Step.GoAway(duration(value.isObject() ? required(value, "timeLeft", at) : value,
                    at));
            case "sessionResumptionUpdate" -> new Step.ResumptionUpdate(value.path("newHandle").asText(""),
                    value.path("resumable").asBoolean(true));
            case "usageMetadata" -> new Step.Usage(object(value, at));
            case "raw" -> new Step.Raw(object(value, at));
            case "drop" -> new Step.Drop();
            case "close" -> new Step.Close(required(value, "code", at).asInt(), value.path("reason").asText(""));
            case "delay" -> new Step.Delay(duration(value, at));
            default -> throw new ScenarioFormatException(where + ": unknown step kind '" + kind + "'");
        };
    }

    private static TextMatch textMatch(JsonNode value, String at) {
        if (value.isTextual()) {
            return TextMatch.equalTo(value.asText());
        }
        if (value.has("equals")) {
            return TextMatch.equalTo(value.get("equals").asText());
        }
        if (value.has("contains")) {
            return TextMatch.containing(value.get("contains").asText());
        }
        if (value.isObject() && value.isEmpty()) {
            return TextMatch.any();
        }
        throw new ScenarioFormatException(at + ": expected a string, {\"equals\": ...}, {\"contains\": ...} or {}");
    }

    private static ResponseCheck responseCheck(JsonNode value, String at) {
        ResponseCheck check = ResponseCheck.forId(text(required(value, "id", at), at + ".id"));
        if (value.has("name")) {
            check = check.withName(value.get("name").asText());
        }
        if (value.has("output")) {
            check = check.withOutput(value.get("output"));
        }
        if (value.has("outputContains")) {
            check = check.withOutputContaining(value.get("outputContains"));
        }
        if (value.has("errorType")) {
            check = check.withErrorType(value.get("errorType").asText());
        }
        if (value.has("responseContains")) {
            check = check.withResponseContaining(value.get("responseContains"));
        }
        if (value.has("willContinue")) {
            check = check.withWillContinue(value.get("willContinue").asBoolean());
        }
        return check;
    }

    private static Step.Transcription transcription(Step.Transcription.Direction direction, JsonNode value,
                                                    String at) {
        if (value.isTextual()) {
            return new Step.Transcription(direction, value.asText(), null);
        }
        return new Step.Transcription(direction, text(required(value, "text", at), at + ".text"),
                value.has("finished") ? value.get("finished").asBoolean() : null);
    }

    private static Step.Call call(JsonNode value, String at) {
        JsonNode args = value.path("args");
        if (!args.isMissingNode() && !args.isObject()) {
            throw new ScenarioFormatException(at + ": 'args' must be a JSON object (a proto Struct)");
        }
        return new Step.Call(text(required(value, "id", at), at + ".id"), text(required(value, "name", at),
                at + ".name"), args.isObject() ? (ObjectNode) args : null);
    }

    private static List<JsonNode> each(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    private static List<String> strings(JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : each(value)) {
            out.add(text(item, at));
        }
        return out;
    }

    private static JsonNode required(JsonNode value, String field, String at) {
        JsonNode found = value.path(field);
        if (found.isMissingNode() || found.isNull()) {
            throw new ScenarioFormatException(at + ": missing '" + field + "'");
        }
        return found;
    }

    private static String text(JsonNode value, String at) {
        if (!value.isTextual()) {
            throw new ScenarioFormatException(at + ": expected a string, got " + value);
        }
        return value.asText();
    }

    private static ObjectNode object(JsonNode value, String at) {
        if (!value.isObject()) {
            throw new ScenarioFormatException(at + ": expected a JSON object");
        }
        return (ObjectNode) value;
    }

    /** {@code "250ms"}, {@code "1.5s"}, {@code "2m"}, ISO-8601 {@code "PT1S"}, or a number of milliseconds. */
    public static Duration duration(JsonNode value, String at) {
        if (value.isNumber()) {
            return Duration.ofMillis(value.asLong());
        }
        String text = value.asText("").trim();
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s")) {
                return millis(new BigDecimal(text.substring(0, text.length() - 1).trim()).movePointRight(3));
            }
            if (text.endsWith("m")) {
                return millis(new BigDecimal(text.substring(0, text.length() - 1).trim()).multiply(
                        BigDecimal.valueOf(60_000)));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // fall through to the error naming the accepted forms
        }
        throw new ScenarioFormatException(at + ": '" + text + "' is not a duration (use \"250ms\", \"1.5s\", \"2m\""
                + " or \"PT1S\")");
    }

    private static Duration millis(BigDecimal value) {
        return Duration.ofMillis(value.longValueExact());
    }

    /** The Live wire spelling of a duration: seconds with a fraction when needed ({@code "50s"}, {@code "1.5s"}). */
    public static String protoDuration(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros();
        return seconds.toPlainString() + "s";
    }

    private static String writeDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }

    public static ObjectNode write(Scenario scenario) {
        ObjectNode root = WireJson.object().put("name", scenario.name())
                .put("expectTimeout", writeDuration(scenario.expectTimeout()));
        ArrayNode steps = root.putArray("steps");
        scenario.steps().forEach(step -> steps.add(write(step)));
        return root;
    }

    private static ObjectNode write(Step step) {
        ObjectNode out = WireJson.object();
        if (step instanceof Step.ExpectText s) {
            TextMatch match = s.match();
            switch (match.mode()) {
                case EQUALS -> out.put("expectText", match.text());
                case CONTAINS -> out.putObject("expectText").put("contains", match.text());
                case ANY -> out.putObject("expectText");
            }
        } else if (step instanceof Step.ExpectAudio s) {
            out.putObject("expectAudio").put("minBytes", s.minBytes());
        } else if (step instanceof Step.ExpectActivityEnd) {
            out.putObject("expectActivityEnd");
        } else if (step instanceof Step.ExpectToolResponse s) {
            ArrayNode checks = out.putArray("expectToolResponse");
            s.checks().forEach(check -> checks.add(check.toJson()));
        } else if (step instanceof Step.ExpectNoToolResponse s) {
            ObjectNode value = out.putObject("expectNoToolResponse");
            s.ids().forEach(value.putArray("ids")::add);
            value.put("window", writeDuration(s.window()));
        } else if (step instanceof Step.Text s) {
            out.put("text", s.text());
        } else if (step instanceof Step.Audio s) {
            out.putObject("audio").put("chunks", s.chunks()).put("bytesPerChunk", s.bytesPerChunk());
        } else if (step instanceof Step.Transcription s) {
            ObjectNode value = out.putObject(s.direction() == Step.Transcription.Direction.INPUT
                    ? "inputTranscription" : "outputTranscription").put("text", s.text());
            if (s.finished() != null) {
                value.put("finished", s.finished());
            }
        } else if (step instanceof Step.ToolCall s) {
            ArrayNode calls = out.putArray("toolCall");
            s.calls().forEach(c -> calls.addObject().put("id", c.id()).put("name", c.name()).set("args", c.args()));
        } else if (step instanceof Step.CancelToolCalls s) {
            s.ids().forEach(out.putArray("toolCallCancellation")::add);
        } else if (step instanceof Step.Interrupted) {
            out.putObject("interrupted");
        } else if (step instanceof Step.TurnComplete s) {
            ObjectNode value = out.putObject("turnComplete");
            if (s.usageMetadata() != null) {
                value.set("usageMetadata", s.usageMetadata());
            }
        } else if (step instanceof Step.GoAway s) {
            out.put("goAway", writeDuration(s.timeLeft()));
        } else if (step instanceof Step.ResumptionUpdate s) {
            out.putObject("sessionResumptionUpdate").put("newHandle", s.newHandle()).put("resumable", s.resumable());
        } else if (step instanceof Step.Usage s) {
            out.set("usageMetadata", s.usageMetadata());
        } else if (step instanceof Step.Raw s) {
            out.set("raw", s.message());
        } else if (step instanceof Step.Drop) {
            out.putObject("drop");
        } else if (step instanceof Step.Close s) {
            out.putObject("close").put("code", s.code()).put("reason", s.reason());
        } else if (step instanceof Step.Delay s) {
            out.put("delay", writeDuration(s.duration()));
        }
        return out;
    }
}
