package dev.livetools.audio;

import dev.livetools.audio.fixture.Lights;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.RecordedFrame;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ScenarioResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One voice conversation against the emulator, the way {@code livetools voice --input IN.wav --output OUT.wav} runs
 * it: the Lights tools through a real dispatcher, a WAV in, a WAV out, a transcript file. Records when the emulator
 * sent each frame, on this JVM's clock, so a test can compare it with the output's timeline.
 */
final class VoiceRig {

    record Sent(long nanos, RecordedFrame frame) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final List<Duration> timings = new CopyOnWriteArrayList<>();
    final List<String> transcriptPieces = new CopyOnWriteArrayList<>();
    long outputOpenedNanos;
    /** How long {@link VoiceLoop#awaitConversationEnd} waits for NON_BLOCKING calls still running. */
    Duration pendingCalls = Duration.ofSeconds(5);
    Duration endedAfterInput;
    VoiceLoop.Ending ending;
    ScenarioResult result;
    List<RecordedFrame> frames;

    VoiceRig run(Scenario scenario, AudioInput input, Path output, Path transcript, boolean halfDuplex,
                 TalkSwitch talk) throws Exception {
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario)
                .frameListener(f -> {
                    if (f.direction() == RecordedFrame.Direction.SENT) {
                        sent.add(new Sent(System.nanoTime(), f));
                    }
                }).start();
             ToolCatalog catalog = ToolCatalog.builder().addClasses(Lights.class).build();
             ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build();
             TranscriptFile log = TranscriptFile.open(transcript)) {
            ToolCallRecorder calls = new ToolCallRecorder(dispatcher).listener(log);
            WavFileOutput out = WavFileOutput.open(output);
            outputOpenedNanos = out.originNanos();
            VoiceLoop voice = VoiceLoop.builder(input, out).halfDuplex(halfDuplex).pushToTalk(talk).listener(log)
                    .listener(new VoiceListener() {
                        @Override
                        public void turnTiming(Duration d) {
                            timings.add(d);
                        }

                        @Override
                        public void transcript(Speaker who, String text, boolean finished) {
                            transcriptPieces.add(who.label() + ": " + text);
                        }
                    }).build();
            VoiceSettings settings = talk == null ? VoiceSettings.defaults()
                    : new VoiceSettings(null, null, true, true, null, null, null, null, true);
            LiveSession.Builder builder = LiveSession.builder(LiveEndpoint.url(emulator.url().toString(), null))
                    .model("gemini-3.8-live").tools(catalog.declarations(), calls).listener(voice);
            settings.applyTo(builder);
            try (LiveSession session = builder.connect()) {
                voice.start(session);
                voice.awaitInputEnd(Duration.ofSeconds(30));
                long inputEnded = System.nanoTime();
                ending = voice.awaitConversationEnd(calls, pendingCalls, Duration.ofSeconds(30));
                endedAfterInput = Duration.ofNanos(System.nanoTime() - inputEnded);
                result = emulator.awaitResult(Duration.ofSeconds(20));
            } finally {
                voice.close();
                out.close();
            }
            frames = emulator.frames();
        }
        return this;
    }

    /** Nanos (this JVM's clock) when the emulator sent the first frame carrying {@code key} in serverContent. */
    long sentNanos(String serverContentKey) {
        return sent.stream().filter(s -> s.frame().json().path("serverContent").has(serverContentKey))
                .findFirst().orElseThrow(() -> new AssertionError("no " + serverContentKey + " frame sent"))
                .nanos();
    }

    List<RecordedFrame> received(String realtimeKey) {
        return frames.stream().filter(f -> f.direction() == RecordedFrame.Direction.RECEIVED)
                .filter(f -> f.json().path("realtimeInput").has(realtimeKey)).toList();
    }
}
