package dev.livetools.dispatch;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes argument binding and validation through the public entry point, {@link ToolDispatcher#dispatch}, with a
 * realistic home-automation tool class: scalars with constraints, every number type a model can be asked for, an
 * enum, {@code java.time}, {@code Optional}, and a record with a list of records ({@code @Valid} cascade).
 *
 * <p>Input: the first byte picks the tool (one name is not in the catalog), the rest is the {@code args} JSON. A crash
 * is any outcome other than exactly one answer for the call, with its id and name, that is either the tool's output
 * or a structured error the model can act on: {@code INVALID_ARGUMENT} naming at least one violation, or
 * {@code UNKNOWN_TOOL} for the unknown name. The tools never throw, so {@code INTERNAL} or {@code TOOL_ERROR} means
 * the dispatcher failed on bad input, and counts as a crash too.
 *
 * <p>{@code ./mvnw verify} replays the inputs under {@code ArgumentBindingFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/testing.md). Findings are kept as plain tests in {@link ArgumentBindingFuzzFindingsTest}.
 */
class ArgumentBindingFuzzTest {

    static final String[] NAMES = {"setLight", "schedule", "setThermostat", "remind", "count", "tag", "noSuchTool"};
    private static final Set<ErrorType> MODEL_ERRORS = EnumSet.of(ErrorType.INVALID_ARGUMENT, ErrorType.UNKNOWN_TOOL);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Action { ON, OFF, DIM }

    public record Step(LocalTime at, Action action, @Min(0) @Max(100) int level, Optional<String> note) {
    }

    public record Routine(@NotBlank String name, @Valid @Size(min = 1, max = 20) List<Step> steps) {
    }

    public record LightState(String room, int brightness, boolean on) {
    }

    public static final class HomeTools {
        @LiveTool(description = "Turn a light on or off and set its brightness")
        public LightState setLight(@Param(description = "Room") @NotBlank String room,
                                   @Param(description = "Brightness in percent") @Min(0) @Max(100) int brightness,
                                   boolean on) {
            return new LightState(room, brightness, on);
        }

        @LiveTool(description = "Schedule a lighting routine")
        public String schedule(@Valid Routine routine) {
            return routine.name() + " with " + routine.steps().size() + " steps";
        }

        @LiveTool(description = "Set a thermostat")
        public String setThermostat(double celsius, float tolerance, @Param(required = false) Integer zone,
                                    Optional<Duration> hold) {
            return celsius + "/" + tolerance + "/" + zone + "/" + hold.map(Duration::toString).orElse("-");
        }

        @LiveTool(description = "Remind the user")
        public String remind(@NotBlank @Size(max = 200) String text, Optional<LocalDate> on, Optional<Integer> times) {
            return text + " " + on.map(LocalDate::toString).orElse("any day") + " x" + times.orElse(1);
        }

        @LiveTool(description = "Count energy use")
        public String count(long wattHours, BigInteger meterReading, short phases, byte circuit) {
            return wattHours + "/" + meterReading + "/" + phases + "/" + circuit;
        }

        @LiveTool(description = "Tag devices")
        public String tag(List<@NotBlank String> tags, Set<Action> actions) {
            return String.join("+", tags) + actions;
        }
    }

    private static ToolCatalog catalog;
    private static ToolDispatcher dispatcher;
    private static int calls;

    @BeforeAll
    static void build() {
        catalog = ToolCatalog.builder().addClasses(HomeTools.class).build();
        // The caller's thread: one call at a time, so a run is deterministic and a finding reproduces.
        dispatcher = ToolDispatcher.builder(catalog).executor(Runnable::run).build();
    }

    @AfterAll
    static void close() {
        dispatcher.close();
        catalog.close();
    }

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"room\"", "\"brightness\"", "\"on\"", "\"routine\"", "\"name\"", "\"steps\"", "\"at\"",
            "\"action\"", "\"level\"", "\"note\"", "\"celsius\"", "\"tolerance\"", "\"zone\"", "\"hold\"", "\"text\"",
            "\"times\"", "\"wattHours\"", "\"meterReading\"", "\"phases\"", "\"circuit\"", "\"tags\"",
            "\"actions\"", "\"07:30\"", "\"25:00\"", "\"PT5M\"", "\"2026-12-03\"", "\"dim\"", "1e400", "-1e400",
            "9223372036854775808", "1.5", "-0.0", "null", "true", "\"true\"", "\"5\"", "[]", "{}"})
    void bindArguments(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ObjectNode args = argsOrNull(Arrays.copyOfRange(input, 1, input.length));
        if (args == null) {
            return; // not a JSON object: the codec refuses such a call before any binding
        }
        String name = NAMES[Math.floorMod(input[0], NAMES.length)];
        String id = "fuzz-" + (++calls);
        List<FunctionResponse> answers = new ArrayList<>();
        dispatcher.dispatch(new ToolCall(List.of(new FunctionCall(id, name, args))),
                response -> answers.addAll(response.functionResponses())).join();

        assertThat(answers).as("answers to %s(%s)", name, args).hasSize(1);
        FunctionResponse answer = answers.get(0);
        assertThat(answer.id()).isEqualTo(id);
        assertThat(answer.name()).isEqualTo(name);
        JsonNode response = answer.response();
        if (response.has("output")) {
            assertThat(name).isNotEqualTo("noSuchTool");
            return;
        }
        JsonNode error = response.path("error");
        assertThat(error.path("type").asText()).as("error for %s(%s): %s", name, args, response)
                .isIn(MODEL_ERRORS.stream().map(Enum::name).toList());
        assertThat(error.path("message").asText()).isNotBlank();
        if (error.path("type").asText().equals("INVALID_ARGUMENT")) {
            assertThat(error.path("violations")).as("violations in %s", response).isNotEmpty();
        }
    }

    private static ObjectNode argsOrNull(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
