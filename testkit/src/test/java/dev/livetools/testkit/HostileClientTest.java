package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client of the emulator that misbehaves: the emulator refuses it clearly and keeps serving the others. */
@Timeout(60)
class HostileClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final byte[] SETUP = TestClient.SETUP.getBytes(StandardCharsets.UTF_8);
    private static final byte[] INVALID_UTF8 = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    private static Scenario expectingText() {
        return Scenario.builder("hostile").expectTimeout(Duration.ofSeconds(10)).expectText("hello").build();
    }

    @Test
    void aTwoGigabyteFrameHeaderGetsClose1009AndTheServerKeepsServing() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            try (RawWebSocket hostile = new RawWebSocket(emulator.port(), "/ws")) {
                hostile.sendHeader(2, 0x7FFF_FFF0L);

                RawWebSocket.Frame close = hostile.readClose();
                assertThat(close.closeCode()).isEqualTo(1009);
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (emulator.frames().stream().noneMatch(f -> f.kind() == RecordedFrame.Kind.CLOSE)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(emulator.frames()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo(RecordedFrame.Kind.CLOSE);
                assertThat(f.closeCode()).isEqualTo(1009);
                assertThat(f.payload()).isEqualTo("a client frame larger than the emulator's frame size limit");
            });

            TestClient other = TestClient.connectAndSetup(emulator);
            other.closeBlocking();
        }
    }

    @Test
    void aFrameOverTheConfiguredLimitFailsTheScenarioNamingTheEmulatorAsTheCloser() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().maxFrameSize(64 * 1024).scenario(expectingText())
                .start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send("{\"realtimeInput\":{\"text\":\"" + "x".repeat(100_000) + "\"}}");

            assertThat(client.awaitClose().code()).isEqualTo(1009);
            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.failures().get(0).detail()).isEqualTo("the emulator closed the connection (1009 a"
                    + " client frame larger than the emulator's frame size limit) while the emulator waited for user"
                    + " text \"hello\"");
        }
    }

    @Test
    void invalidUtf8InATextFrameIsReportedAsInvalidText() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(expectingText()).start();
             RawWebSocket client = new RawWebSocket(emulator.port(), "/ws")) {
            client.send(1, SETUP);
            assertThat(client.read().text()).contains("setupComplete");

            client.send(1, INVALID_UTF8);

            assertThat(client.readClose().closeCode()).isEqualTo(1007);
            assertThat(emulator.awaitResult(WAIT).failures().get(0).detail())
                    .isEqualTo("the emulator closed the connection (1007 invalid UTF-8 text in a text frame) while the"
                            + " emulator waited for user text \"hello\"");
        }
    }

    @Test
    void invalidUtf8InABinaryFrameIsRefusedWith1007AndReportedAsInvalidText() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(expectingText()).start();
             RawWebSocket client = new RawWebSocket(emulator.port(), "/ws")) {
            client.send(2, SETUP);
            assertThat(client.read().text()).contains("setupComplete");

            client.send(2, INVALID_UTF8);

            RawWebSocket.Frame close = client.readClose();
            assertThat(close.closeCode()).isEqualTo(1007);
            assertThat(new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8))
                    .isEqualTo("Invalid JSON payload received. The frame is not valid UTF-8 text.");
            assertThat(emulator.awaitResult(WAIT).failures().get(0).detail())
                    .contains("the emulator closed the connection (1007 ")
                    .contains("(invalid UTF-8 text in a binary frame)) while the emulator waited for user text");
        }
    }

    @Test
    void aClientCloseIsReportedAsTheClients() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(expectingText()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.closeBlocking();

            assertThat(emulator.awaitResult(WAIT).failures().get(0).detail())
                    .startsWith("the client closed the connection (1000")
                    .endsWith(") while the emulator waited for user text \"hello\"");
        }
    }

    @Test
    void theFrameLogKeepsOnlyTheNewestFramesWithinItsLimit() throws Exception {
        String chunk = Base64.getEncoder().encodeToString(new byte[75_000]);
        String audio = "{\"realtimeInput\":{\"audio\":{\"data\":\"" + chunk + "\",\"mimeType\":\"audio/pcm;rate=16000\"}}}";
        AtomicInteger seen = new AtomicInteger();
        try (LiveEmulator emulator = LiveEmulator.builder().frameLogLimit(1_000_000)
                .frameListener(frame -> seen.incrementAndGet())
                .scenario(Scenario.builder("flood").expectAudio(40 * 75_000).text("got it").build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            for (int i = 0; i < 40; i++) {
                client.send(audio);
            }
            client.expect("serverContent");

            long kept = emulator.frames().stream().mapToLong(f -> f.payload().length()).sum();
            assertThat(kept).isLessThanOrEqualTo(1_000_000);
            assertThat(emulator.droppedFrames()).isGreaterThanOrEqualTo(30);
            assertThat(emulator.frames().size() + emulator.droppedFrames()).isEqualTo(seen.get());
            assertThat(emulator.frames().get(emulator.frames().size() - 1).payload()).contains("got it");
        }
    }

    @Test
    void aFrameLogLimitOfZeroKeepsNothingButTheListenerSeesEveryFrame() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (LiveEmulator emulator = LiveEmulator.builder().frameLogLimit(0).frameListener(f -> seen.incrementAndGet())
                .start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.closeBlocking();

            assertThat(emulator.frames()).isEmpty();
            assertThat(seen.get()).isGreaterThanOrEqualTo(2);
            assertThat(emulator.droppedFrames()).isEqualTo(seen.get());
        }
    }

    @Test
    void framesUnderTheDefaultLimitAreAllKept() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            byte[] big = new byte[1_000_000];
            Arrays.fill(big, (byte) 'a');
            client.send("{\"realtimeInput\":{\"text\":\"" + new String(big, StandardCharsets.US_ASCII) + "\"}}");
            client.closeBlocking();
            Thread.sleep(200);

            assertThat(emulator.droppedFrames()).isZero();
            assertThat(emulator.frames()).anySatisfy(f -> assertThat(f.payload().length()).isGreaterThan(1_000_000));
        }
    }
}
