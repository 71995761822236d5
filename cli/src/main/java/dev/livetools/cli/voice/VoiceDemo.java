package dev.livetools.cli.voice;

import dev.livetools.audio.PcmFormat;
import dev.livetools.audio.ToolCallRecorder;
import dev.livetools.audio.VoiceLoop;
import dev.livetools.audio.VoiceSettings;
import dev.livetools.audio.WavFileOutput;
import dev.livetools.audio.WavWriter;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ScenarioResult;
import dev.livetools.testkit.Step;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code livetools demo --voice OUT.wav}: the home-automation demo spoken. Each user line of the text scenario is said
 * (espeak-ng, or hummed) into a real {@link VoiceLoop} and {@link LiveSession}; the emulator expects that audio,
 * reports what it "heard" as {@code inputTranscription}, and speaks each model line as 24 kHz audio with its
 * {@code outputTranscription}. OUT.wav is what someone in the room heard: both voices, on the conversation's own
 * timeline, the model's audio played through the jitter buffer as a speaker would.
 */
public final class VoiceDemo {

    private final PrintWriter out;
    private final DemoVoices voices = new DemoVoices();

    public VoiceDemo(PrintWriter out) {
        this.out = out;
    }

    /** Plays {@code textScenario} by voice against {@code catalog}; true when the scenario passed. */
    public boolean play(Scenario textScenario, ToolCatalog catalog, Path wav) throws IOException,
            InterruptedException {
        Path work = Files.createTempDirectory("livetools-voice-demo");
        try {
            List<List<byte[]>> lines = new ArrayList<>();
            Scenario scenario = spoken(textScenario, lines, work);
            out.println("voice    " + voices.describe() + "; what a listener heard goes to " + wav);
            out.println();
            out.flush();
            return run(scenario, lines, catalog, wav);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private boolean run(Scenario scenario, List<List<byte[]>> lines, ToolCatalog catalog, Path wav)
            throws IOException, InterruptedException {
        ScriptedUser user = new ScriptedUser(lines);
        VoicePrinter printer = new VoicePrinter(out, false);
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario).start();
             WavFileOutput speaker = WavFileOutput.open(wav)) {
            VoiceLoop voice = VoiceLoop.builder(user, speaker).listener(printer).listener(user)
                    .monitor(speaker::mixIn).build();
            LiveSession.Builder builder = LiveSession.builder(LiveEndpoint.url(emulator.url().toString(), null))
                    .model("gemini-3.8-live").listener(voice);
            VoiceSettings.defaults().applyTo(builder);
            try (ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build()) {
                ToolCallRecorder calls = new ToolCallRecorder(dispatcher).listener(printer);
                builder.tools(catalog.declarations(), calls);
                try (LiveSession session = builder.connect(); voice) {
                    voice.start(session);
                    VoiceLoop.Ending ending = voice.awaitConversationEnd(calls, Duration.ofSeconds(5),
                            Duration.ofSeconds(60));
                    ScenarioResult result = emulator.awaitResult(Duration.ofSeconds(10));
                    speaker.awaitQuiet(Duration.ofSeconds(5));
                    out.println();
                    out.println("voice    " + ending.name().toLowerCase().replace('_', ' ') + "; "
                            + printer.toolCalls() + " tool calls; " + speaker.position().toMillis() / 1000.0
                            + " s of sound in " + wav);
                    if (!result.passed()) {
                        out.println(result);
                    }
                    out.flush();
                    return result.passed() && ending != VoiceLoop.Ending.NO_ANSWER
                            && ending != VoiceLoop.Ending.SESSION_CLOSED;
                }
            }
        }
    }

    /**
     * The text scenario with voices: each {@code expectText} becomes the user's line as audio (expected by
     * duration) followed by its {@code inputTranscription}; each model {@code text} becomes its
     * {@code outputTranscription} and its audio.
     */
    Scenario spoken(Scenario text, List<List<byte[]>> lines, Path work) throws IOException {
        Scenario.Builder b = Scenario.builder(text.name() + " (voice)").expectTimeout(text.expectTimeout()
                .plusSeconds(20));
        int turnsCompleted = 0;
        int modelLines = 0;
        for (Step step : text.steps()) {
            if (step instanceof Step.ExpectText e) {
                byte[] said = voices.user(e.match().text());
                while (lines.size() <= turnsCompleted) {
                    lines.add(new ArrayList<>());
                }
                lines.get(turnsCompleted).add(said);
                // the whole line, less one chunk for the rounding of the last
                Duration length = PcmFormat.LIVE_INPUT.durationOf(said.length).minusMillis(20);
                b.expectAudio(length).inputTranscription(e.match().text());
            } else if (step instanceof Step.Text t) {
                Path reply = work.resolve("model-" + (++modelLines) + ".wav");
                try (WavWriter w = new WavWriter(reply, PcmFormat.LIVE_OUTPUT.sampleRate())) {
                    w.write(voices.model(t.text()));
                }
                b.outputTranscription(t.text()).audioWav(reply);
            } else {
                if (step instanceof Step.TurnComplete) {
                    turnsCompleted++;
                }
                b.step(step);
            }
        }
        return b.build();
    }
}
