package dev.livetools.testkit.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.ResponseCheck;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.Step;
import dev.livetools.testkit.TextMatch;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON scenario format: {@code {"name": ..., "expectTimeout": "10s", "steps": [{"<kind>": <value>}, ...]}},
 * each step an object with exactly one key naming its kind. Reference: docs/testing.md.
 */
public final class ScenarioJson {

    /** Every step kind, in the order docs/testing.md lists them. */
    public static final List<String> STEP_KINDS = List.of("expectText", "expectAudio", "expectAudioStreamEnd",
            "expectActivityEnd",
            "expectToolResponse", "expectNoToolResponse", "text", "audio", "inputTranscription",
            "outputTranscription", "toolCall", "toolCallCancellation", "interrupted", "turnComplete", "goAway",
            "sessionResumptionUpdate", "usageMetadata", "raw", "drop", "close", "delay");

    private static final String[] RESPONSE_CHECK_FIELDS = {"id", "name", "output", "outputContains", "errorType",
            "responseContains", "willContinue"};

    /** Scenario files are written by hand: a repeated key or text after the document is a mistake, not data. */
    private static final ObjectReader READER = WireJson.MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ScenarioJson() {
    }

    /** Thrown for an invalid scenario document; the message names the source, step index and field. */
    public static final class ScenarioFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ScenarioFormatException(String message) {
            super(message);
        }
    }

    /** Parses a scenario whose WAV files are looked up in the current directory. */
    public static Scenario parse(String json, String source) {
        return parse(json, source, file -> {
            Path path = Path.of(file);
            return Files.isRegularFile(path) ? path.toAbsolutePath().toUri() : null;
        });
    }

    /**
     * Parses a scenario; {@code locate} finds the file an {@code audio.wav} names (relative to the scenario), or
     * returns {@code null} when there is none.
     */
    public static Scenario parse(String json, String source, Function<String, URI> locate) {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ScenarioFormatException("scenario " + source + ": not valid JSON" + where + ": "
                    + e.getOriginalMessage());
        }
        try {
            return scenario(root, source, locate);
        } catch (ScenarioFormatException e) {
            throw new ScenarioFormatException("scenario " + source + ": " + e.getMessage());
        }
    }

    private static Scenario scenario(JsonNode root, String source, Function<String, URI> locate) {
        if (root == null || root.isMissingNode()) {
            throw new ScenarioFormatException("the document is empty; expected {\"name\": ..., \"steps\": [...]}");
        }
        StrictObject top = StrictObject.of(root, "(document)", "name", "description", "expectTimeout", "steps");
        String name = top.string("name", source);
        top.string("description", null);
        JsonNode steps = top.required("steps");
        if (!steps.isArray()) {
            throw new ScenarioFormatException("steps: expected an array of steps, got " + StrictObject.describe(steps));
        }
        List<Step> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = "steps[" + i + "]";
            try {
                parsed.add(step(steps.get(i), where, locate));
            } catch (ScenarioFormatException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ScenarioFormatException(where + ": " + e.getMessage());
            }
        }
        Duration timeout = top.has("expectTimeout") ? duration(top.get("expectTimeout"), "expectTimeout")
                : Scenario.DEFAULT_EXPECT_TIMEOUT;
        try {
            return new Scenario(name, parsed, timeout);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(e.getMessage());
        }
    }

    private static Step step(JsonNode node, String where, Function<String, URI> locate) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new ScenarioFormatException(where + ": a step is an object with exactly one key naming its kind, got "
                    + (node != null && node.isObject() ? node.size() + " keys " + fieldNames(node)
                    : StrictObject.describe(node)) + " (kinds: " + String.join(", ", STEP_KINDS) + ")");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String kind = entry.getKey();
        JsonNode value = entry.getValue();
        String at = where + "." + kind;
        return switch (kind) {
            case "expectText" -> new Step.ExpectText(textMatch(value, at));
            case "expectAudio" -> expectAudio(value, at);
            case "expectAudioStreamEnd" -> {
                StrictObject.of(value, at);
                yield new Step.ExpectAudioStreamEnd();
            }
            case "expectActivityEnd" -> {
                StrictObject.of(value, at);
                yield new Step.ExpectActivityEnd();
            }
            case "expectToolResponse" -> new Step.ExpectToolResponse(indexed(value, at).stream()
                    .map(item -> responseCheck(item.node(), item.path())).toList());
            case "expectNoToolResponse" -> {
                StrictObject o = StrictObject.of(value, at, "ids", "window");
                yield new Step.ExpectNoToolResponse(strings(o.required("ids"), o.path("ids")),
                        duration(o.required("window"), o.path("window")));
            }
            case "text" -> new Step.Text(StrictObject.text(value, at));
            case "audio" -> audio(value, at, locate);
            case "inputTranscription" -> transcription(Step.Transcription.Direction.INPUT, value, at);
            case "outputTranscription" -> transcription(Step.Transcription.Direction.OUTPUT, value, at);
            case "toolCall" -> new Step.ToolCall(indexed(value, at).stream()
                    .map(item -> call(item.node(), item.path())).toList());
            case "toolCallCancellation" -> new Step.CancelToolCalls(value.isObject()
                    ? strings(StrictObject.of(value, at, "ids").required("ids"), at + ".ids") : strings(value, at));
            case "interrupted" -> {
                StrictObject.of(value, at);
                yield new Step.Interrupted();
            }
            case "turnComplete" -> new Step.TurnComplete(StrictObject.of(value, at, "usageMetadata")
                    .object("usageMetadata"));
            case "goAway" -> new Step.GoAway(value.isObject()
                    ? duration(StrictObject.of(value, at, "timeLeft").required("timeLeft"), at + ".timeLeft")
                    : duration(value, at));
            case "sessionResumptionUpdate" -> {
                StrictObject o = StrictObject.of(value, at, "newHandle", "resumable");
                Boolean resumable = o.bool("resumable");
                yield new Step.ResumptionUpdate(o.string("newHandle", ""), resumable == null || resumable);
            }
            case "usageMetadata" -> new Step.Usage(object(value, at));
            case "raw" -> new Step.Raw(nonEmptyObject(value, at));
            case "drop" -> {
                StrictObject.of(value, at);
                yield new Step.Drop();
            }
            case "close" -> {
                StrictObject o = StrictObject.of(value, at, "code", "reason");
                yield new Step.Close(StrictObject.integer(o.required("code"), o.path("code"), 1000, 4999),
                        o.string("reason", ""));
            }
            case "delay" -> new Step.Delay(duration(value, at));
            default -> throw new ScenarioFormatException(where + ": unknown step kind '" + kind + "'"
                    + StrictObject.suggestion(kind, STEP_KINDS) + " (kinds: " + String.join(", ", STEP_KINDS) + ")");
        };
    }

    private static TextMatch textMatch(JsonNode value, String at) {
        if (value.isTextual()) {
            return TextMatch.equalTo(value.asText());
        }
        if (!value.isObject()) {
            throw new ScenarioFormatException(at + ": expected a string, {\"equals\": ...}, {\"contains\": ...} or {},"
                    + " got " + StrictObject.describe(value));
        }
        StrictObject o = StrictObject.of(value, at, "equals", "contains");
        if (o.has("equals") && o.has("contains")) {
            throw new ScenarioFormatException(at + ": give one of 'equals' and 'contains', not both");
        }
        if (o.has("equals")) {
            return TextMatch.equalTo(o.requiredString("equals"));
        }
        if (o.has("contains")) {
            return TextMatch.containing(o.requiredString("contains"));
        }
        return TextMatch.any();
    }

    private static Step.ExpectAudio expectAudio(JsonNode value, String at) {
        StrictObject o = StrictObject.of(value, at, "minBytes", "minMs");
        Integer minBytes = o.integer("minBytes", 1, Integer.MAX_VALUE);
        Integer minMs = o.integer("minMs", 1, Integer.MAX_VALUE);
        return new Step.ExpectAudio(minBytes == null ? 1 : minBytes, minMs == null ? null : Duration.ofMillis(minMs));
    }

    /** {@code {"tone": {"hz", "ms"}}} or {@code {"wav": file}}, or the older {@code {"chunks", "bytesPerChunk"}}. */
    private static Step.Audio audio(JsonNode value, String at, Function<String, URI> locate) {
        StrictObject o = StrictObject.of(value, at, "tone", "wav", "chunkMs", "speed", "chunks", "bytesPerChunk");
        Integer chunkMs = o.integer("chunkMs", 1, 60_000);
        double speed = Step.Audio.DEFAULT_SPEED;
        if (o.has("speed")) {
            JsonNode v = o.get("speed");
            if (!v.isNumber() || !(v.doubleValue() > 0) || v.doubleValue() > 1000) {
                throw new ScenarioFormatException(o.path("speed") + ": expected a number above 0 and at most 1000"
                        + " (times real time), got " + StrictObject.describe(v));
            }
            speed = v.doubleValue();
        }
        int sources = (o.has("tone") ? 1 : 0) + (o.has("wav") ? 1 : 0)
                + (o.has("chunks") || o.has("bytesPerChunk") ? 1 : 0);
        if (sources != 1) {
            throw new ScenarioFormatException(at + ": give exactly one sound: {\"tone\": {\"hz\": 440, \"ms\": 800}} or"
                    + " {\"wav\": \"file.wav\"} (24 kHz 16-bit mono PCM)");
        }
        Duration chunk = chunkMs == null ? Step.Audio.DEFAULT_CHUNK : Duration.ofMillis(chunkMs);
        if (o.has("tone")) {
            StrictObject tone = StrictObject.of(o.get("tone"), o.path("tone"), "hz", "ms");
            Integer hz = tone.integer("hz", 1, 12_000);
            int ms = StrictObject.integer(tone.required("ms"), tone.path("ms"), 1, 600_000);
            return new Step.Audio(new Step.Tone(hz == null ? 440 : hz, Duration.ofMillis(ms)), chunk, speed);
        }
        if (o.has("wav")) {
            String file = o.requiredString("wav");
            URI location = locate.apply(file);
            if (location == null) {
                throw new ScenarioFormatException(o.path("wav") + ": no file '" + file + "' (a WAV file's path is"
                        + " relative to the scenario file)");
            }
            try {
                return new Step.Audio(new Step.Wav(file, location), chunk, speed);
            } catch (IllegalArgumentException e) {
                throw new ScenarioFormatException(o.path("wav") + ": " + e.getMessage());
            }
        }
        // The first form: a 440 Hz tone given as chunk count and size in bytes (48 bytes are 1 ms at 24 kHz).
        Integer chunks = o.integer("chunks", 1, 100_000);
        Integer bytes = o.integer("bytesPerChunk", 48, 16 * 1024 * 1024);
        int perChunk = bytes == null ? 4800 : bytes;
        if (perChunk % 48 != 0) {
            throw new ScenarioFormatException(o.path("bytesPerChunk") + ": expected whole milliseconds (a multiple of"
                    + " 48 bytes of 24 kHz PCM16), got " + perChunk + "; or use {\"tone\": {\"hz\": 440, \"ms\": ...}}");
        }
        Duration legacyChunk = Duration.ofMillis(perChunk / 48);
        return new Step.Audio(new Step.Tone(440, legacyChunk.multipliedBy(chunks == null ? 1 : chunks)),
                chunkMs == null ? legacyChunk : chunk, speed);
    }

    private static ResponseCheck responseCheck(JsonNode value, String at) {
        StrictObject o = StrictObject.of(value, at, RESPONSE_CHECK_FIELDS);
        ResponseCheck check = ResponseCheck.forId(o.requiredString("id"));
        if (o.has("name")) {
            check = check.withName(o.requiredString("name"));
        }
        if (o.has("output")) {
            check = check.withOutput(o.get("output"));
        }
        if (o.has("outputContains")) {
            check = check.withOutputContaining(o.get("outputContains"));
        }
        if (o.has("errorType")) {
            check = check.withErrorType(o.requiredString("errorType"));
        }
        if (o.has("responseContains")) {
            check = check.withResponseContaining(o.get("responseContains"));
        }
        if (o.has("willContinue")) {
            check = check.withWillContinue(o.bool("willContinue"));
        }
        return check;
    }

    private static Step.Transcription transcription(Step.Transcription.Direction direction, JsonNode value,
                                                    String at) {
        if (value.isTextual()) {
            return new Step.Transcription(direction, value.asText(), null);
        }
        StrictObject o = StrictObject.of(value, at, "text", "finished");
        return new Step.Transcription(direction, o.requiredString("text"), o.bool("finished"));
    }

    private static Step.Call call(JsonNode value, String at) {
        StrictObject o = StrictObject.of(value, at, "id", "name", "args");
        JsonNode args = o.get("args");
        if (args != null && !args.isObject()) {
            throw new ScenarioFormatException(o.path("args") + ": 'args' must be a JSON object (a proto Struct), got "
                    + StrictObject.describe(args));
        }
        return new Step.Call(o.requiredString("id"), o.requiredString("name"), (ObjectNode) args);
    }

    /** An element (or the value itself, when it is not an array) with its path. */
    private record Indexed(JsonNode node, String path) {
    }

    private static List<Indexed> indexed(JsonNode value, String at) {
        List<Indexed> items = new ArrayList<>();
        if (value.isArray()) {
            if (value.isEmpty()) {
                throw new ScenarioFormatException(at + ": expected at least one entry, got an empty array");
            }
            for (int i = 0; i < value.size(); i++) {
                items.add(new Indexed(value.get(i), at + "[" + i + "]"));
            }
        } else {
            items.add(new Indexed(value, at));
        }
        return items;
    }

    private static List<String> strings(JsonNode value, String at) {
        List<String> out = new ArrayList<>();
        for (Indexed item : indexed(value, at)) {
            out.add(StrictObject.text(item.node(), item.path()));
        }
        return out;
    }

    private static ObjectNode object(JsonNode value, String at) {
        if (!value.isObject()) {
            throw new ScenarioFormatException(at + ": expected a JSON object, got " + StrictObject.describe(value));
        }
        return (ObjectNode) value;
    }

    private static ObjectNode nonEmptyObject(JsonNode value, String at) {
        ObjectNode object = object(value, at);
        if (object.isEmpty()) {
            throw new ScenarioFormatException(at + ": expected the server message to send, got {}");
        }
        return object;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code "250ms"}, {@code "1.5s"}, {@code "2m"}, ISO-8601 {@code "PT1S"}, or a number of milliseconds. */
    public static Duration duration(JsonNode value, String at) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= 0) {
            return Duration.ofMillis(value.longValue());
        }
        if (!value.isTextual()) {
            throw new ScenarioFormatException(at + ": expected a duration (\"250ms\", \"1.5s\", \"2m\", \"PT1S\" or a"
                    + " whole number of milliseconds), got " + StrictObject.describe(value));
        }
        String text = value.textValue().trim();
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
            ObjectNode value = out.putObject("expectAudio");
            if (s.minBytes() > 1 || s.minLength().isZero()) {
                value.put("minBytes", s.minBytes());
            }
            if (!s.minLength().isZero()) {
                value.put("minMs", s.minLength().toMillis());
            }
        } else if (step instanceof Step.ExpectAudioStreamEnd) {
            out.putObject("expectAudioStreamEnd");
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
            ObjectNode value = out.putObject("audio");
            if (s.sound() instanceof Step.Tone tone) {
                value.putObject("tone").put("hz", tone.hz()).put("ms", tone.length().toMillis());
            } else {
                value.put("wav", ((Step.Wav) s.sound()).file());
            }
            value.put("chunkMs", s.chunk().toMillis()).put("speed", s.speed());
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
