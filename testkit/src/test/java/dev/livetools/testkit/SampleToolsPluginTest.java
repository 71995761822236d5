package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the plugin jar the build made: the sample-tools jar alone in a temporary plugins folder, loaded by
 * the catalog in its own class loader, called by the dispatcher from a real session that the emulator drives.
 */
@LiveEmulatorTest(timeoutSeconds = 20)
@Timeout(60)
class SampleToolsPluginTest {

    /** The built sample-tools jar, which the testkit build embeds for the demo. */
    private static final String BUILT_JAR = "/dev/livetools/testkit/demo/sample-tools.jar";

    @TempDir
    Path plugins;

    @Test
    void theBuiltPluginJarAnswersAVoiceSessionFromAPluginsFolder(LiveToolsTester tester) throws Exception {
        try (InputStream jar = SampleToolsPluginTest.class.getResourceAsStream(BUILT_JAR)) {
            assertThat(jar).as("the testkit build embeds the sample-tools jar").isNotNull();
            Files.copy(jar, plugins.resolve("livetools-sample-tools.jar"));
        }

        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins).build()) {
            assertThat(catalog.names()).containsExactly("activateScene", "cancelTimer", "getTemperature",
                    "homeStatus", "listDevices", "setCover", "setLight", "setReminder", "setThermostat", "startTimer");

            ToolRun run = tester.run(Scenario.builder("movie night with popcorn")
                    .expectText("Movie night, and turn on the garage light")
                    .toolCall("c1", "activateScene", Map.of("name", "Movie Night"))
                    .expectToolResponse(ResponseCheck.forId("c1").withName("activateScene")
                            .withOutputContaining(Map.of("scene", "movie night",
                                    "summary", "floor lamp on at 20%, orange; living room blinds closed")))
                    .toolCall("c2", "setLight", Map.of("name", "garage", "on", true))
                    .expectToolResponse(ResponseCheck.forId("c2").withErrorType("TOOL_ERROR")
                            .withResponseContaining(Map.of("error", Map.of(
                                    "message", "No light or room called 'garage'"))))
                    .text("Movie night is on. There is no garage light; the lights are in the living room, "
                            + "kitchen, bedroom and hallway.").turnComplete()
                    .expectText("Popcorn timer, one second")
                    .toolCall("c3", "startTimer", Map.of("seconds", 1, "label", "popcorn"))
                    .expectToolResponse(ResponseCheck.forId("c3").withWillContinue(true)
                            .withOutputContaining(Map.of("status", "started", "label", "popcorn")))
                    .expectToolResponse(ResponseCheck.forId("c3").withWillContinue(false)
                            .withOutputContaining(Map.of("status", "done", "label", "popcorn")))
                    .text("Your popcorn timer is done.").turnComplete()
                    .build(), catalog);

            assertThat(run.passed()).as(run.report()).isTrue();
            List<String> timerResponses = tester.emulator().frames().stream()
                    .filter(f -> f.has("toolResponse"))
                    .flatMap(f -> StreamSupport.stream(
                            f.json().path("toolResponse").path("functionResponses").spliterator(), false))
                    .filter(r -> r.path("id").asText().equals("c3"))
                    .map(r -> "willContinue=" + r.path("willContinue").asBoolean(false)
                            + " scheduling=" + r.path("scheduling").asText())
                    .toList();
            assertThat(timerResponses).as("the timer acknowledges, then reports when idle")
                    .containsExactly("willContinue=true scheduling=WHEN_IDLE", "willContinue=false scheduling=WHEN_IDLE");
        }
    }
}
