package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The official JS SDK ({@code @google/genai}, pinned in {@code src/test/js/package.json}) talks to the emulator over
 * plain {@code ws://}: {@code httpOptions.baseUrl = http://127.0.0.1:PORT}. Tests never download anything, so this
 * one is skipped (with the command to enable it) unless node is installed and the SDK was installed with
 * {@code npm ci --prefix testkit/src/test/js}.
 */
@Timeout(60)
class JsSdkCompatibilityTest {

    private static final Path SCRIPT_DIR = Path.of("src/test/js");

    @Test
    void officialJsSdkCompletesSetupReceivesAToolCallAndAnswersIt() throws Exception {
        assumeTrue(nodeAvailable(), "JS SDK check skipped: node is not installed");
        assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@google/genai")),
                "JS SDK check skipped: run `npm ci --prefix testkit/src/test/js` to install @google/genai");
        Scenario scenario = Scenario.builder("js sdk").expectTimeout(Duration.ofSeconds(15))
                .expectText("Make the living room 21 degrees")
                .toolCall("function-call-1", "setThermostat", Map.of("temperature", 21))
                .expectToolResponse(ResponseCheck.forId("function-call-1").withName("setThermostat")
                        .withOutput(Map.of("target", 21)))
                .build();
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("js-test-key").scenario(scenario).start()) {
            Process node = new ProcessBuilder("node", "sdk-check.mjs", emulator.baseUrl().toString(), "js-test-key")
                    .directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
            try {
                boolean finished = node.waitFor(30, TimeUnit.SECONDS);
                String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(finished).as("node finished: " + output).isTrue();
                assertThat(node.exitValue()).as(output).isZero();
                assertThat(output).contains("answered setThermostat function-call-1");
            } finally {
                node.destroyForcibly();
            }
            ScenarioResult result = emulator.awaitResult(Duration.ofSeconds(10));
            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(emulator.frames(1).get(0).json().at("/setup/model").asText())
                    .isEqualTo("models/gemini-3.8-live");
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process probe = new ProcessBuilder(List.of("node", "--version")).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
