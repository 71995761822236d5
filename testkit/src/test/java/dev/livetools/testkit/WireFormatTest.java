package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator's frames are byte-identical to what the real service sent in the recorded samples. */
@Timeout(10)
class WireFormatTest {

    /** Recorded frames, copied from the team's shared live-samples so a clean clone has them. */
    static String sample(String file) throws Exception {
        try (InputStream in = WireFormatTest.class.getResourceAsStream("/live-samples/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource live-samples/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstFrameAfterSetup(Scenario scenario) throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            String frame = client.next(Duration.ofSeconds(5)).text();
            client.closeBlocking();
            return frame;
        }
    }

    @Test
    void setupCompleteMatchesTheRecording() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url());
            client.send(TestClient.SETUP);

            assertThat(client.next(Duration.ofSeconds(5)).text()).isEqualTo(
                    sample("rec-mldev-server-setupComplete.json"));
            client.closeBlocking();
        }
    }

    @Test
    void toolCallMatchesTheRecording() throws Exception {
        String frame = firstFrameAfterSetup(Scenario.builder("weather")
                .toolCall("function-call-5831923424298605773", "get_current_weather",
                        Map.of("location", "Redmond, WA")).build());

        assertThat(frame).isEqualTo(sample("rec-mldev-server-toolCall.json"));
    }

    @Test
    void textMatchesTheRecording() throws Exception {
        ObjectNode recorded = (ObjectNode) TestClient.JSON.readTree(sample("rec-mldev-server-modelTurn-text-1.json"));
        String text = recorded.at("/serverContent/modelTurn/parts/0/text").asText();

        String frame = firstFrameAfterSetup(Scenario.builder("text").text(text).build());

        assertThat(frame).isEqualTo(sample("rec-mldev-server-modelTurn-text-1.json"));
    }

    @Test
    void turnCompleteWithUsageMatchesTheRecording() throws Exception {
        ObjectNode recorded = (ObjectNode) TestClient.JSON.readTree(
                sample("rec-mldev-server-turnComplete-usageMetadata.json"));
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(Scenario.builder("done")
                .turnComplete(recorded.get("usageMetadata")).build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(client.next(Duration.ofSeconds(5)).text()).isEqualTo(
                    sample("rec-mldev-server-generationComplete.json"));
            assertThat(client.next(Duration.ofSeconds(5)).text()).isEqualTo(
                    sample("rec-mldev-server-turnComplete-usageMetadata.json"));
            client.closeBlocking();
        }
    }
}
