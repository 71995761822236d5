package dev.livetools.testkit;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.livetools.testkit.internal.ScenarioJson.ScenarioFormatException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the JSON scenario parser ({@link Scenario#parse}). A crash is any outcome other than a scenario or a
 * {@link ScenarioFormatException} naming where the document went wrong; and a scenario it accepts must survive its own
 * JSON form ({@link Scenario#toJson()} reads back to the same scenario, as documented).
 *
 * <p>{@code ./mvnw verify} replays the inputs under {@code ScenarioParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (docs/testing.md). A finding becomes a plain test in ScenarioJsonTest.
 */
class ScenarioParserFuzzTest {

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"name\"", "\"expectTimeout\"", "\"steps\"", "\"description\"", "\"expectText\"",
            "\"expectAudio\"", "\"minBytes\"", "\"expectActivityEnd\"", "\"expectToolResponse\"",
            "\"expectNoToolResponse\"", "\"ids\"", "\"window\"", "\"text\"", "\"audio\"", "\"chunks\"",
            "\"bytesPerChunk\"", "\"inputTranscription\"", "\"outputTranscription\"", "\"finished\"", "\"toolCall\"",
            "\"id\"", "\"args\"", "\"toolCallCancellation\"", "\"interrupted\"", "\"turnComplete\"",
            "\"usageMetadata\"", "\"goAway\"", "\"timeLeft\"", "\"sessionResumptionUpdate\"", "\"newHandle\"",
            "\"resumable\"", "\"raw\"", "\"drop\"", "\"close\"", "\"code\"", "\"reason\"", "\"delay\"", "\"equals\"",
            "\"contains\"", "\"output\"", "\"outputContains\"", "\"errorType\"", "\"responseContains\"",
            "\"willContinue\"", "\"250ms\"", "\"1.5s\"", "\"2m\"", "\"PT1S\"", "1e400", "-1", "null"})
    void parseScenario(byte[] document) {
        String json = new String(document, StandardCharsets.UTF_8);
        Scenario scenario;
        try {
            scenario = Scenario.parse(json);
        } catch (ScenarioFormatException refused) {
            assertThat(refused.getMessage()).startsWith("scenario ");
            return;
        }
        assertThat(scenario).isNotNull();
        String written = scenario.toJson();
        Scenario again = Scenario.parse(written);
        assertThat(again.toJson()).as("the JSON form of %s", json).isEqualTo(written);
        assertThat(again.name()).isEqualTo(scenario.name());
        assertThat(again.expectTimeout()).isEqualTo(scenario.expectTimeout());
        assertThat(again.steps()).hasSameSizeAs(scenario.steps());
    }
}
