package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Audio in scenarios: model audio as the service sends it, and the user's audio as the service takes it. */
@Timeout(60)
class ScenarioAudioTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Scenario.Builder scenario() {
        return Scenario.builder("audio").expectTimeout(Duration.ofSeconds(15));
    }

    private static String audio(byte[] pcm, String mimeType) {
        return "{\"realtimeInput\":{\"audio\":{\"data\":\"" + Base64.getEncoder().encodeToString(pcm)
                + "\",\"mimeType\":\"" + mimeType + "\"}}}";
    }

    private static byte[] inlineAudio(JsonNode frame) {
        JsonNode part = frame.at("/serverContent/modelTurn/parts/0/inlineData");
        assertThat(part.path("mimeType").asText()).isEqualTo("audio/pcm;rate=24000");
        return Base64.getDecoder().decode(part.path("data").asText());
    }

    private static void writeWav(Path file, float rate, int channels, byte[] pcm) throws Exception {
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                pcm.length / format.getFrameSize())) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    @Test
    void aToneIsSentIn200MsChunksOf24kHzPcm() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder()
                .scenario(scenario().audioTone(440, Duration.ofMillis(800)).build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            for (int i = 0; i < 4; i++) {
                byte[] pcm = inlineAudio(client.expect("serverContent"));
                assertThat(pcm).as("200 ms of 24 kHz 16-bit mono").hasSize(9600).isNotEqualTo(new byte[9600]);
            }
            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.steps().get(0).detail()).startsWith("38400 bytes (800 ms) in 4 chunks over ");
        }
    }

    @Test
    void modelAudioIsPacedFasterThanRealTime() throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder()
                .scenario(scenario().audioTone(440, Duration.ofSeconds(2)).build()).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            for (int i = 0; i < 10; i++) {
                client.expect("serverContent");
            }
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();

            List<RecordedFrame> audio = emulator.frames().stream()
                    .filter(f -> f.direction() == RecordedFrame.Direction.SENT && f.has("serverContent")).toList();
            assertThat(audio).hasSize(10);
            Duration spread = audio.get(9).at().minus(audio.get(0).at());
            // 9 gaps of 200 ms / 4 = 450 ms (the first frame's own send time blurs it): not all at once, and well
            // ahead of the 2 s a listener needs, so a client must buffer
            assertThat(spread).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(1800));
        }
    }

    @Test
    void aWavFileNextToTheScenarioIsSentAsItsPcm(@TempDir Path dir) throws Exception {
        byte[] pcm = new byte[24_000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (byte) (i * 7);
        }
        writeWav(dir.resolve("reply.wav"), 24_000, 1, pcm);
        Path file = dir.resolve("reply.json");
        Files.writeString(file, "{\"name\": \"wav\", \"steps\": [{\"audio\": {\"wav\": \"reply.wav\", \"speed\": 50}},"
                + " {\"turnComplete\": {}}]}");
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(Scenario.load(file)).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            ByteArrayOutputStream heard = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                heard.write(inlineAudio(client.expect("serverContent")));
            }

            assertThat(heard.toByteArray()).isEqualTo(pcm);
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void aClassPathScenarioFindsItsWavBesideIt() throws Exception {
        Scenario beep = Scenario.fromResource("dev/livetools/testkit/audio/beep.json");
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(beep).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            assertThat(inlineAudio(client.expect("serverContent"))).hasSize(4800);
            assertThat(emulator.awaitResult(WAIT).passed()).isTrue();
        }
    }

    @Test
    void aWavOfAnotherFormatIsRefusedWhenTheScenarioLoads(@TempDir Path dir) throws Exception {
        writeWav(dir.resolve("mic.wav"), 16_000, 2, new byte[6400]);
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"steps\": [{\"text\": \"hi\"}, {\"audio\": {\"wav\": \"mic.wav\"}}]}");

        assertThatThrownBy(() -> Scenario.load(file))
                .hasMessageContaining("steps[1].audio.wav: WAV ")
                .hasMessageContaining("is 16000 Hz 16-bit 2-channel PCM_SIGNED; model audio must be 24000 Hz 16-bit"
                        + " mono PCM_SIGNED (convert it, e.g. sox in.wav -r 24000 -c 1 -b 16 out.wav)");
    }

    @Test
    void aMissingWavIsNamedWhenTheScenarioLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"steps\": [{\"audio\": {\"wav\": \"nope.wav\"}}]}");

        assertThatThrownBy(() -> Scenario.load(file))
                .hasMessageEndingWith("steps[0].audio.wav: no file 'nope.wav' (a WAV file's path is relative to the"
                        + " scenario file)");
    }

    @Test
    void anAudioStepNeedsExactlyOneSound() {
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"audio\": {\"tone\": {\"hz\": 440, \"ms\": 10},"
                + " \"wav\": \"a.wav\"}}]}"))
                .hasMessageContaining("steps[0].audio: give exactly one sound");
        assertThatThrownBy(() -> Scenario.parse("{\"steps\": [{\"audio\": {\"tone\": {\"hz\": 440, \"msc\": 10}}}]}"))
                .hasMessageContaining("steps[0].audio.tone: unknown field 'msc'; did you mean 'ms'?");
    }

    @Test
    void expectAudioByDurationCounts16kHzUserAudioThenTheStreamEnd() throws Exception {
        Scenario s = scenario().expectAudio(Duration.ofMillis(250)).expectAudioStreamEnd().text("heard you").build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            for (int i = 0; i < 3; i++) {
                client.send(audio(new byte[3200], "audio/pcm;rate=16000"));
            }
            client.send("{\"realtimeInput\":{\"audioStreamEnd\":true}}");

            assertThat(client.expect("serverContent").at("/serverContent/modelTurn/parts/0/text").asText())
                    .isEqualTo("heard you");
            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.steps().get(0).detail()).startsWith("9600 bytes (300 ms of audio) in 3 chunks over ");
        }
    }

    @Test
    void tooLittleUserAudioFailsTheStepSayingHowMuchArrived() throws Exception {
        Scenario s = Scenario.builder("short").expectTimeout(Duration.ofMillis(800))
                .expectAudio(Duration.ofMillis(500)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send(audio(new byte[3200], "audio/pcm;rate=16000"));

            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).isFalse();
            assertThat(result.failures().get(0).detail()).contains("user audio (3200 bytes, 100 ms so far)");
        }
    }

    @Test
    void expectAudioByDurationUsesTheDeclaredRate() throws Exception {
        Scenario s = scenario().expectAudio(Duration.ofMillis(100)).build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);
            client.send(audio(new byte[4800], "audio/pcm;rate=24000"));

            ScenarioResult result = emulator.awaitResult(WAIT);
            assertThat(result.passed()).as(result.report()).isTrue();
            assertThat(result.steps().get(0).detail()).startsWith("4800 bytes (100 ms of audio) in 1 chunks");
        }
    }

    @Test
    void anInterruptedAfterModelAudioArrivesAfterTheAudioFrames() throws Exception {
        Scenario s = scenario().audioTone(440, Duration.ofMillis(400)).interrupted().turnComplete().build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(s).start()) {
            TestClient client = TestClient.connectAndSetup(emulator);

            inlineAudio(client.expect("serverContent"));
            inlineAudio(client.expect("serverContent"));
            assertThat(client.expect("serverContent").at("/serverContent/interrupted").asBoolean()).isTrue();
        }
    }
}
