package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LiveEmulatorConnectionTest {

    private static final String BETA = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

    @Test
    void bindsAFreePortOnLoopbackAndPrintsAKeylessUrl() {
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("secret-key").start()) {
            assertThat(emulator.port()).isPositive();
            assertThat(emulator.url().toString()).isEqualTo("ws://127.0.0.1:" + emulator.port() + BETA)
                    .doesNotContain("secret-key");
            assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
        }
    }

    @Test
    void answersAValidSetupWithPrettyPrintedSetupCompleteInABinaryFrame() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url());
            client.send(TestClient.SETUP);

            TestClient.Frame frame = client.next(Duration.ofSeconds(5));

            assertThat(frame.binary()).isTrue();
            assertThat(frame.text()).isEqualTo("{\n  \"setupComplete\": {}\n}\n");
            client.closeBlocking();
        }
    }

    @Test
    void sendsNothingBeforeTheSetup() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url());

            assertThat(client.frames.poll(150, TimeUnit.MILLISECONDS)).isNull();
            client.closeBlocking();
        }
    }

    @Test
    void acceptsTheDoubleSlashPathTheSdksBuild() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + emulator.port() + "/" + BETA));
            client.send(TestClient.SETUP);

            assertThat(client.expect("setupComplete")).isNotNull();
            client.closeBlocking();
        }
    }

    @Test
    void servesV1alpha() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url("v1alpha"));
            client.send(TestClient.SETUP);

            assertThat(client.expect("setupComplete")).isNotNull();
            client.closeBlocking();
        }
    }

    @Test
    void refusesTheUpgradeOnAnUnknownPath() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = new TestClient(URI.create("ws://127.0.0.1:" + emulator.port()
                    + "/ws/google.ai.generativelanguage.v2.GenerativeService.BidiGenerateContent"));

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
            assertThat(emulator.frames()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(RecordedFrame.Kind.REFUSED);
                assertThat(f.payload()).contains("no Live endpoint");
            });
        }
    }

    @Test
    void servesTheShortPathTheDocsGive() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + emulator.port() + "/ws"));
            client.send(TestClient.SETUP);

            assertThat(client.expect("setupComplete")).isNotNull();
            client.closeBlocking();
        }
    }

    @Test
    void anUnknownPathIsRefusedWithAnExplanationTheClientCanShow() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = new TestClient(URI.create("ws://127.0.0.1:" + emulator.port() + "/live"));

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
            assertThat(client.awaitClose().reason()).contains("404 no Live endpoint at /live; use /ws or"
                    + " /ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent (or v1alpha)");
        }
    }

    @Test
    void anUnknownPathIsExplainedInTheHttpResponseBody() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start();
             java.net.Socket raw = new java.net.Socket("127.0.0.1", emulator.port())) {
            raw.setSoTimeout(5000);
            raw.getOutputStream().write(("GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

            var response = new java.io.BufferedReader(new java.io.InputStreamReader(raw.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));

            assertThat(response.readLine()).startsWith("HTTP/1.1 404 no Live endpoint at /x; use /ws or ");
            String header = response.readLine();
            while (!header.isEmpty()) {
                header = response.readLine();
            }
            assertThat(response.readLine()).startsWith("no Live endpoint at /x; use /ws or");
        }
    }

    @Test
    void aTakenPortIsAPortInUseExceptionNamingThePort() throws Exception {
        try (LiveEmulator first = LiveEmulator.builder().start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveEmulator.builder().port(first.port()).start())
                    .isInstanceOfSatisfying(LiveEmulator.PortInUseException.class,
                            e -> assertThat(e.port()).isEqualTo(first.port()))
                    .hasMessage("LiveEmulator: port " + first.port() + " on 127.0.0.1 is already in use; stop the"
                            + " program using it or choose another port (port 0 picks a free one)");
        }
    }

    @Test
    void acceptsTheKeyInTheHeader() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("k-123").start()) {
            TestClient client = new TestClient(emulator.url(), Map.of("x-goog-api-key", "k-123"));

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            client.closeBlocking();
        }
    }

    @Test
    void acceptsTheKeyInTheQuery() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("k-123").start()) {
            TestClient client = new TestClient(URI.create(emulator.url() + "?key=k-123"));

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            client.closeBlocking();
        }
    }

    @Test
    void refusesAWrongKeyWithoutEchoingIt() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("k-123").start()) {
            TestClient client = new TestClient(emulator.url(), Map.of("x-goog-api-key", "wrong-key"));

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
            assertThat(emulator.frames()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(RecordedFrame.Kind.REFUSED);
                assertThat(f.payload()).contains("API key not valid").doesNotContain("wrong-key");
            });
        }
    }

    @Test
    void refusesAMissingKeyWhenOneIsRequired() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().apiKey("k-123").start()) {
            TestClient client = new TestClient(emulator.url());

            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void acceptsSnakeCaseFieldNames() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url());
            client.send("{\"setup\":{\"model\":\"models/gemini-3.8-live\","
                    + "\"generation_config\":{\"response_modalities\":"
                    + "[\"AUDIO\"]},\"context_window_compression\":{\"trigger_tokens\":1000,\"sliding_window\":"
                    + "{\"target_tokens\":10}},\"tools\":[{\"function_declarations\":[{\"name\":\"get_time\"}]}]}}");

            assertThat(client.expect("setupComplete")).isNotNull();
            client.closeBlocking();
        }
    }

    @Test
    void acceptsTheRecordedSdkSetupWithTools() throws Exception {
        String recorded = WireFormatTest.sample("rec-mldev-client-setup-tools.json");
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connect(emulator.url());
            client.send(recorded.trim());

            assertThat(client.expect("setupComplete")).isNotNull();
            client.closeBlocking();
        }
    }

    @Test
    void recordsReceivedAndSentFramesInOrder() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.closeBlocking();

            assertThat(emulator.frames(1)).extracting(RecordedFrame::direction, RecordedFrame::messageType)
                    .startsWith(org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.RECEIVED, "setup"),
                            org.assertj.core.groups.Tuple.tuple(RecordedFrame.Direction.SENT, "setupComplete"));
        }
    }

    @Test
    void writesTheTranscriptAsJsonLines(@TempDir Path dir) throws Exception {
        Path transcript = dir.resolve("session.jsonl");
        try (LiveEmulator emulator = LiveEmulator.builder().transcript(transcript).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.closeBlocking();
        }

        var lines = Files.readAllLines(transcript);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(TestClient.JSON.readTree(lines.get(0)).path("message").has("setup")).isTrue();
        assertThat(TestClient.JSON.readTree(lines.get(1)).path("direction").asText()).isEqualTo("sent");
        assertThat(TestClient.JSON.readTree(lines.get(1)).path("message").has("setupComplete")).isTrue();
    }

    @Test
    void refusesAPortOutOfRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LiveEmulator.builder().port(70_000))
                .hasMessageContaining("port");
    }
}
