package dev.livetools.cli.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.cli.LiveToolsCli;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.ResponseCheck;
import dev.livetools.testkit.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code livetools voice} through its command line, against the emulator; and on this machine without sound. */
@Timeout(60)
class VoiceCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** One second of a 44.1 kHz stereo tone, written by Java Sound (not by the code under test). */
    private Path toneWav() throws Exception {
        AudioFormat f = new AudioFormat(44_100, 16, 2, true, false);
        byte[] pcm = new byte[44_100 * 4];
        for (int i = 0; i < 44_100; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / 44_100.0));
            for (int c = 0; c < 2; c++) {
                pcm[4 * i + 2 * c] = (byte) s;
                pcm[4 * i + 2 * c + 1] = (byte) (s >> 8);
            }
        }
        Path file = tmp.resolve("user.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), f, 44_100), AudioFileFormat.Type.WAVE,
                file.toFile());
        return file;
    }

    @Test
    void withoutASoundCardTheMicrophoneIsAOneLineUsageErrorNamingTheFileOption() {
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has a sound device");

        Run run = run("voice", "--endpoint", "ws://127.0.0.1:9/ws");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("livetools voice: no microphone: this machine has no sound device; use"
                + " --input FILE.wav instead" + System.lineSeparator());
    }

    @Test
    void withoutASoundCardTheSpeakerIsAOneLineUsageErrorNamingTheFileOption() throws Exception {
        assumeTrue(AudioSystem.getMixerInfo().length == 0, "this machine has a sound device");

        Run run = run("voice", "--endpoint", "ws://127.0.0.1:9/ws", "--input", toneWav().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("livetools voice: no speaker: this machine has no sound device; use"
                + " --output FILE.wav instead" + System.lineSeparator());
    }

    @Test
    void echoCancellationOfAFileIsAUsageError() throws Exception {
        Run run = run("voice", "--endpoint", "ws://127.0.0.1:9/ws", "--input", toneWav().toString(), "--output",
                tmp.resolve("o.wav").toString(), "--echo-cancel");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--echo-cancel is for the microphone with the speaker");
    }

    @Test
    void aFileThatIsNotAWavIsAUsageError() throws Exception {
        Path notWav = Files.writeString(tmp.resolve("notes.wav"), "hello");

        Run run = run("voice", "--input", notWav.toString(), "--output", tmp.resolve("o.wav").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("notes.wav: not a WAV file").doesNotContain("Exception");
    }

    @Test
    void aWavFileConversationRunsTheToolPrintsTimingsAndWritesTheOutputAndTranscript() throws Exception {
        Path in = toneWav();
        Path out = tmp.resolve("heard.wav");
        Path transcript = tmp.resolve("t.jsonl");
        Scenario scenario = Scenario.builder("voice").expectTimeout(Duration.ofSeconds(20))
                .expectAudio(32_000).inputTranscription("Turn on the kitchen light")
                .toolCall("function-call-1", "setLight", Map.of("room", "kitchen", "on", true))
                .expectToolResponse(ResponseCheck.forId("function-call-1").withOutputContaining("kitchen light on"))
                .outputTranscription("The kitchen light is on.").audio(5, 4800).turnComplete().build();
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario).start()) {
            Run run = run("voice", "--endpoint", emulator.url().toString(), "--scan", "dev.livetools.cli.voice.fixture",
                    "--input", in.toString(), "--output", out.toString(), "--transcript", transcript.toString(),
                    "--timings", "--voice", "Kore", "--language", "en-US");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(emulator.awaitResult(Duration.ofSeconds(10)).passed()).isTrue();
            assertThat(run.out()).contains("1 tool(s): setLight")
                    .containsPattern("user   Turn on the kitchen light")
                    .containsPattern("model  -> setLight\\((room=\"kitchen\", on=true|on=true, room=\"kitchen\")\\)")
                    .containsPattern("tool   <- setLight ok in \\d+ ms")
                    .containsPattern("timing end of user audio -> first model audio \\d+ ms")
                    .contains("model  The kitchen light is on.")
                    .contains("[voice] done");
        }
        assertThat(Files.size(out)).isGreaterThan(44 + 24_000); // 0.5 s of model speech, and the silence before
        List<String> who = Files.readAllLines(transcript).stream().map(VoiceCommandTest::json)
                .map(j -> j.path("who").asText()).toList();
        assertThat(who).containsExactly("user", "tool", "model");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
