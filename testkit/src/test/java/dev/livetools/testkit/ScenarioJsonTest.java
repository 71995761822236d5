package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON scenario format: every step kind, the round trip, and errors that name the culprit. */
class ScenarioJsonTest {

    private static final String EVERY_STEP = """
            {"name": "every step", "expectTimeout": "1.5s", "steps": [
              {"expectText": "exactly this"},
              {"expectText": {"contains": "part"}},
              {"expectText": {}},
              {"expectAudio": {"minBytes": 3200}},
              {"expectAudio": {"minMs": 500}},
              {"expectAudioStreamEnd": {}},
              {"expectActivityEnd": {}},
              {"toolCall": [{"id": "c1", "name": "f", "args": {"x": 1}}, {"id": "c2", "name": "g"}]},
              {"expectToolResponse": [{"id": "c1", "name": "f", "output": {"y": 2}, "outputContains": "2",
                                       "errorType": "TOOL_ERROR", "responseContains": {"error": {}},
                                       "willContinue": false}]},
              {"toolCallCancellation": ["c2"]},
              {"expectNoToolResponse": {"ids": ["c2"], "window": "250ms"}},
              {"text": "hello"},
              {"audio": {"chunks": 2, "bytesPerChunk": 960}},
              {"audio": {"tone": {"hz": 440, "ms": 800}}},
              {"audio": {"tone": {"hz": 220, "ms": 300}, "chunkMs": 40, "speed": 1.5}},
              {"inputTranscription": "what the user said"},
              {"outputTranscription": {"text": "what the model said", "finished": true}},
              {"interrupted": {}},
              {"turnComplete": {"usageMetadata": {"totalTokenCount": 10}}},
              {"goAway": "50s"},
              {"sessionResumptionUpdate": {"newHandle": "h1", "resumable": true}},
              {"usageMetadata": {"promptTokenCount": 3}},
              {"raw": {"voiceActivity": {"voiceActivityType": "ACTIVITY_END"}}},
              {"delay": "20ms"},
              {"drop": {}},
              {"close": {"code": 1011, "reason": "Deadline expired before operation could complete."}}
            ]}
            """;

    @Test
    void parsesEveryStepKind() {
        Scenario scenario = Scenario.parse(EVERY_STEP);

        assertThat(scenario.name()).isEqualTo("every step");
        assertThat(scenario.expectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(scenario.steps()).extracting(s -> s.getClass().getSimpleName()).containsExactly(
                "ExpectText", "ExpectText", "ExpectText", "ExpectAudio", "ExpectAudio", "ExpectAudioStreamEnd",
                "ExpectActivityEnd", "ToolCall", "ExpectToolResponse", "CancelToolCalls", "ExpectNoToolResponse", "Text",
                "Audio", "Audio", "Audio", "Transcription",
                "Transcription", "Interrupted", "TurnComplete", "GoAway", "ResumptionUpdate", "Usage", "Raw", "Delay",
                "Drop", "Close");
        assertThat(scenario.steps().get(1)).isEqualTo(new Step.ExpectText(TextMatch.containing("part")));
        assertThat(scenario.steps().get(19)).isEqualTo(new Step.GoAway(Duration.ofSeconds(50)));
        assertThat(scenario.steps().get(4)).isEqualTo(new Step.ExpectAudio(1, Duration.ofMillis(500)));
        assertThat(scenario.steps().get(12)).isEqualTo(new Step.Audio(new Step.Tone(440, Duration.ofMillis(40)),
                Duration.ofMillis(20), Step.Audio.DEFAULT_SPEED));
        assertThat(scenario.steps().get(13)).isEqualTo(Step.Audio.tone(440, Duration.ofMillis(800)));
        assertThat(scenario.steps().get(14)).isEqualTo(new Step.Audio(new Step.Tone(220, Duration.ofMillis(300)),
                Duration.ofMillis(40), 1.5));
        Step.ExpectToolResponse expect = (Step.ExpectToolResponse) scenario.steps().get(8);
        assertThat(expect.checks().get(0).errorType()).isEqualTo("TOOL_ERROR");
        assertThat(expect.checks().get(0).willContinue()).isFalse();
    }

    @Test
    void writesWhatItReadsBack() {
        Scenario scenario = Scenario.parse(EVERY_STEP);

        assertThat(Scenario.parse(scenario.toJson())).isEqualTo(scenario);
    }

    @Test
    void builtScenariosSurviveTheJsonRoundTrip() {
        Scenario built = Scenario.builder("built").expectTimeout(Duration.ofSeconds(3))
                .expectTextContaining("light")
                .toolCall("c1", "setLight", Map.of("name", "kitchen", "brightness", 60))
                .expectToolResponse(ResponseCheck.forId("c1").withOutputContaining(Map.of("on", true)))
                .notResumable()
                .turnComplete()
                .build();

        assertThat(Scenario.parse(built.toJson())).isEqualTo(built);
    }

    @Test
    void loadsFromAFileAndFromTheClassPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"name\": \"file\", \"steps\": [{\"text\": \"hi\"}]}");

        assertThat(Scenario.load(file).steps()).containsExactly(new Step.Text("hi"));
        assertThat(Scenario.fromResource("dev/livetools/testkit/classpath-scenario.json").name())
                .isEqualTo("class path");
    }

    @Test
    void userTurnsAreTheExpectedTexts() {
        assertThat(Scenario.parse(EVERY_STEP).userTurns()).containsExactly("exactly this", "part");
    }

    @Test
    void durationsAcceptMillisSecondsMinutesIsoAndNumbers() {
        String steps = "{\"steps\": [{\"delay\": \"250ms\"}, {\"delay\": \"1.5s\"}, {\"delay\": \"2m\"},"
                + " {\"delay\": \"PT3S\"}, {\"delay\": 40}]}";

        assertThat(Scenario.parse(steps).steps()).containsExactly(new Step.Delay(Duration.ofMillis(250)),
                new Step.Delay(Duration.ofMillis(1500)), new Step.Delay(Duration.ofMinutes(2)),
                new Step.Delay(Duration.ofSeconds(3)), new Step.Delay(Duration.ofMillis(40)));
    }

    @Test
    void unknownStepKindListsTheValidKinds() {
        assertThatThrownBy(() -> Scenario.parse("{\"name\": \"x\", \"steps\": [{\"text\": \"a\"}, {\"say\": \"b\"}]}"))
                .hasMessageStartingWith("scenario scenario: steps[1]: unknown step kind 'say' (kinds: expectText,"
                        + " expectAudio,")
                .hasMessageContaining("toolCall, toolCallCancellation")
                .hasMessageEndingWith("close, delay)");
    }

    @Test
    void aMisspeltStepKindGetsADidYouMean() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"toolcalls\": []}]}"))
                .hasMessageContaining("steps[0]: unknown step kind 'toolcalls'; did you mean 'toolCall'?");
    }

    @Test
    void aStepWithTwoKindsIsRejected() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"text\": \"a\", \"drop\": {}}]}"))
                .hasMessageContaining("steps[0]: a step is an object with exactly one key naming its kind, got 2 keys"
                        + " [text, drop]");
    }

    @Test
    void aToolCallWithoutANameNamesTheField() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"toolCall\": [{\"id\": \"c1\"}]}]}"))
                .hasMessage("scenario scenario: steps[0].toolCall[0]: missing field 'name'");
    }

    @Test
    void argsMustBeAnObject() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"toolCall\": {\"id\": \"c\", \"name\": \"f\","
                + " \"args\": [1]}}]}"))
                .hasMessageContaining("steps[0].toolCall.args: 'args' must be a JSON object");
    }

    @Test
    void aMisspeltFieldInAResponseCheckFailsWithADidYouMean() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"expectToolResponse\": [{\"id\": \"c1\"},"
                + " {\"id\": \"c2\", \"outputContain\": {\"on\": true}}]}]}"))
                .hasMessageStartingWith("scenario scenario: steps[0].expectToolResponse[1]: unknown field"
                        + " 'outputContain'; did you mean 'outputContains'? (fields: id, name, output,");
    }

    @Test
    void aMisspeltErrorTypeFailsWithADidYouMean() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"text\": \"hi\"},"
                + " {\"expectToolResponse\": {\"id\": \"c1\", \"erorType\": \"TOOL_ERROR\"}}]}"))
                .hasMessageContaining("steps[1].expectToolResponse: unknown field 'erorType'; did you mean"
                        + " 'errorType'?");
    }

    @Test
    void aMisspeltArgsInAToolCallFailsWithADidYouMean() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"toolCall\": [{\"id\": \"c1\", \"name\": \"f\","
                + " \"argz\": {\"x\": 1}}]}]}"))
                .hasMessageContaining("steps[0].toolCall[0]: unknown field 'argz'; did you mean 'args'?"
                        + " (fields: id, name, args)");
    }

    @Test
    void aFieldFarFromEveryKnownNameListsTheFieldsWithoutAGuess() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"close\": {\"code\": 1011, \"because\": \"x\"}}]}"))
                .hasMessage("scenario scenario: steps[0].close: unknown field 'because' (fields: code, reason)");
    }

    @Test
    void aStepWithoutFieldsRefusesAnyField() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"interrupted\": {\"now\": true}}]}"))
                .hasMessageContaining("steps[0].interrupted: unknown field 'now' (this step takes no fields: write {})");
    }

    @Test
    void aWrongValueTypeNamesTheFieldAndWhatCameInstead() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"expectToolResponse\": [{\"id\": \"c1\","
                + " \"willContinue\": \"yes\"}]}]}"))
                .hasMessage("scenario scenario: steps[0].expectToolResponse[0].willContinue: expected true or false,"
                        + " got the string \"yes\"");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"expectAudio\": {\"minBytes\": \"3200\"}}]}"))
                .hasMessageContaining("steps[0].expectAudio.minBytes: expected a whole number from 1 to");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"toolCall\": [{\"id\": 7, \"name\": \"f\"}]}]}"))
                .hasMessageContaining("steps[0].toolCall[0].id: expected a string, got the number 7");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"turnComplete\": true}]}"))
                .hasMessageContaining("steps[0].turnComplete: expected an object with fields [usageMetadata], got true");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"close\": {\"code\": 99}}]}"))
                .hasMessageContaining("steps[0].close.code: expected a whole number from 1000 to 4999, got 99");
    }

    @Test
    void anExpectTextObjectTakesOnlyEqualsOrContains() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"expectText\": {\"contain\": \"light\"}}]}"))
                .hasMessageContaining("steps[0].expectText: unknown field 'contain'; did you mean 'contains'?");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"expectText\": 42}]}"))
                .hasMessageContaining("steps[0].expectText: expected a string, {\"equals\": ...}, {\"contains\": ...}"
                        + " or {}, got the number 42");
    }

    @Test
    void aMisspeltTopLevelFieldGetsADidYouMean() {
        assertThatThrownBy(() -> Scenario.parse("{\"step\": []}"))
                .hasMessageContaining("(document): unknown field 'step'; did you mean 'steps'?");
    }

    @Test
    void badDurationSaysWhichFormsWork() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"delay\": \"soon\"}]}"))
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void unknownTopLevelFieldIsRejected() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [], \"timeout\": \"1s\"}"))
                .hasMessageContaining("unknown field 'timeout'");
    }

    @Test
    void invalidJsonNamesTheSourceLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"steps\": [\n  {\"text\": \"hi\"},\n  {\"text\" \"there\"}\n]}");

        assertThatThrownBy(() -> Scenario.load(file))
                .hasMessageContaining("broken.json: not valid JSON at line 3, column 11: ");
    }

    @Test
    void aRepeatedKeyIsAnErrorNotASilentOverwrite() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"close\": {\"code\": 1011, \"code\": 1000}}]}"))
                .hasMessageContaining("not valid JSON at line 1, column ")
                .hasMessageContaining("Duplicate field 'code'");
    }

    @Test
    void textAfterTheDocumentIsAnError() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": []} {\"steps\": []}"))
                .hasMessageContaining("not valid JSON at line 1, column ");
    }

    @Test
    void anAnyTextExpectationIsNotAUserTurnAndIsReportedAsUnplayable() {
        Scenario scenario = Scenario.parse("{\"steps\": [{\"expectText\": \"hi\"}, {\"text\": \"yes?\"},"
                + " {\"expectText\": {}}]}");

        assertThat(scenario.userTurns()).containsExactly("hi");
        assertThat(scenario.unplayableUserTurns()).singleElement().asString()
                .startsWith("steps[2]: {\"expectText\": {}} accepts any text, so a scripted user has nothing to say");
    }
}
