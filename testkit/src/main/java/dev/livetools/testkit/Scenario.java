package dev.livetools.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.internal.ScenarioJson;
import dev.livetools.testkit.internal.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted conversation the {@link LiveEmulator} plays as the model: an ordered list of {@link Step}s. Build one
 * in Java with {@link #builder(String)} or load the JSON form (see docs/testing.md) with {@link #parse(String)},
 * {@link #load(Path)} or {@link #fromResource(String)}.
 *
 * <pre>{@code
 * Scenario lights = Scenario.builder("kitchen light")
 *         .expectText("Turn on the kitchen light at 60 percent")
 *         .toolCall("call-1", "set_light", Map.of("room", "kitchen", "brightness", 60))
 *         .expectToolResponse(ResponseCheck.forId("call-1").withOutputContaining(Map.of("on", true)))
 *         .text("The kitchen light is on at 60%.")
 *         .turnComplete()
 *         .build();
 * }</pre>
 *
 * @param name          shown in results and transcripts
 * @param steps         what happens, in order
 * @param expectTimeout how long an expectation waits for the client
 */
public record Scenario(String name, List<Step> steps, Duration expectTimeout) {

    /** The default wait for each expectation. */
    public static final Duration DEFAULT_EXPECT_TIMEOUT = Duration.ofSeconds(10);

    public Scenario {
        Objects.requireNonNull(name, "Scenario.name");
        steps = List.copyOf(steps);
        expectTimeout = expectTimeout == null ? DEFAULT_EXPECT_TIMEOUT : expectTimeout;
        if (expectTimeout.isNegative() || expectTimeout.isZero()) {
            throw new IllegalArgumentException("Scenario '" + name + "': expectTimeout must be positive");
        }
    }

    /** A scenario with no steps: the emulator completes the setup and only records. */
    public static Scenario empty() {
        return new Scenario("empty", List.of(), DEFAULT_EXPECT_TIMEOUT);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Parses the JSON scenario format; errors name the step index and field. */
    public static Scenario parse(String json) {
        return ScenarioJson.parse(json, "scenario");
    }

    /** Loads a JSON scenario file. */
    public static Scenario load(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            return ScenarioJson.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), name -> {
                Path wav = folder.resolve(name);
                return Files.isRegularFile(wav) ? wav.toUri() : null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** Loads a JSON scenario from the class path ({@code /} separated, no leading slash needed). */
    public static Scenario fromResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : Scenario.class.getClassLoader()).getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario resource '" + path + "' on the class path");
            }
            ClassLoader from = loader != null ? loader : Scenario.class.getClassLoader();
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            return ScenarioJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path, name -> {
                java.net.URL wav = from.getResource(folder + name);
                try {
                    return wav == null ? null : wav.toURI();
                } catch (java.net.URISyntaxException e) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario resource " + path, e);
        }
    }

    /** The JSON form, which {@link #parse(String)} reads back to an equal scenario. */
    public String toJson() {
        return WireJson.pretty(ScenarioJson.write(this));
    }

    /**
     * What a scripted user sends, in order: the text of each {@link Step.ExpectText} (for a {@code contains} match
     * the substring itself). An "any text" expectation has nothing to send and is left out (see
     * {@link #unplayableUserTurns()}). Harnesses use it to play the user's side.
     */
    public List<String> userTurns() {
        return steps.stream()
                .filter(Step.ExpectText.class::isInstance)
                .map(step -> ((Step.ExpectText) step).match())
                .filter(match -> match.mode() != TextMatch.Mode.ANY)
                .map(TextMatch::text)
                .toList();
    }

    /**
     * The steps a scripted user cannot play, each as {@code "steps[i]: why"}: an {@code expectText} that accepts any
     * text says nothing about what to send (an empty turn would not be a user speaking). Empty when every user turn
     * has a text.
     */
    public List<String> unplayableUserTurns() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.ExpectText text && text.match().mode() == TextMatch.Mode.ANY) {
                problems.add("steps[" + i + "]: {\"expectText\": {}} accepts any text, so a scripted user has nothing"
                        + " to say; write the user's words ({\"expectText\": \"...\"} or {\"contains\": \"...\"})");
            }
        }
        return problems;
    }

    /** Builds a {@link Scenario} step by step. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();
        private Duration expectTimeout = DEFAULT_EXPECT_TIMEOUT;
        private int nextCallId = 1;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        public Builder expectTimeout(Duration timeout) {
            this.expectTimeout = timeout;
            return this;
        }

        public Builder expectText(String exactly) {
            return step(new Step.ExpectText(TextMatch.equalTo(exactly)));
        }

        public Builder expectTextContaining(String part) {
            return step(new Step.ExpectText(TextMatch.containing(part)));
        }

        /** At least {@code minBytes} decoded bytes of user audio. */
        public Builder expectAudio(int minBytes) {
            return step(new Step.ExpectAudio(minBytes));
        }

        /** At least {@code minLength} of user audio (16-bit mono at the declared rate, 16 kHz by default). */
        public Builder expectAudio(Duration minLength) {
            return step(new Step.ExpectAudio(1, minLength));
        }

        /** The client ends its audio stream ({@code realtimeInput.audioStreamEnd}). */
        public Builder expectAudioStreamEnd() {
            return step(new Step.ExpectAudioStreamEnd());
        }

        public Builder expectActivityEnd() {
            return step(new Step.ExpectActivityEnd());
        }

        public Builder expectToolResponse(ResponseCheck... checks) {
            return step(new Step.ExpectToolResponse(Arrays.asList(checks)));
        }

        public Builder expectNoToolResponse(Duration window, String... ids) {
            return step(new Step.ExpectNoToolResponse(Arrays.asList(ids), window));
        }

        public Builder text(String text) {
            return step(new Step.Text(text));
        }

        /** A 440 Hz tone of {@code chunks} x {@code bytesPerChunk} bytes (a multiple of 48: whole milliseconds). */
        public Builder audio(int chunks, int bytesPerChunk) {
            if (bytesPerChunk < 48 || bytesPerChunk % 48 != 0 || chunks < 1) {
                throw new IllegalArgumentException("audio(chunks, bytesPerChunk): need chunks >= 1 and a multiple of"
                        + " 48 bytes (1 ms of 24 kHz PCM16), got " + chunks + " x " + bytesPerChunk);
            }
            Duration chunk = Duration.ofMillis(bytesPerChunk / 48);
            return step(new Step.Audio(new Step.Tone(440, chunk.multipliedBy(chunks)), chunk,
                    Step.Audio.DEFAULT_SPEED));
        }

        /** Model audio: a sine tone of {@code hz} for {@code length}, in 200 ms chunks, 4x faster than real time. */
        public Builder audioTone(int hz, Duration length) {
            return step(Step.Audio.tone(hz, length));
        }

        /** Model audio from a 24 kHz 16-bit mono PCM WAV file, in 200 ms chunks, 4x faster than real time. */
        public Builder audioWav(Path file) {
            return step(Step.Audio.wav(file));
        }

        /** Model audio with an explicit chunk length and speed (times real time). */
        public Builder audio(Step.Sound sound, Duration chunk, double speed) {
            return step(new Step.Audio(sound, chunk, speed));
        }

        /** {@code serverContent.inputTranscription}: what the service heard the user say. */
        public Builder inputTranscription(String text) {
            return step(new Step.Transcription(Step.Transcription.Direction.INPUT, text, null));
        }

        /** {@code serverContent.outputTranscription}: the text of the model's audio. */
        public Builder outputTranscription(String text) {
            return step(new Step.Transcription(Step.Transcription.Direction.OUTPUT, text, null));
        }

        /** One call; {@code args} is a map or anything Jackson turns into a JSON object. */
        public Builder toolCall(String id, String name, Object args) {
            return step(new Step.ToolCall(List.of(call(id, name, args))));
        }

        /** One call with an id made up by the builder ({@code function-call-<n>}). */
        public Builder toolCall(String name, Map<String, ?> args) {
            return toolCall("function-call-" + nextCallId++, name, args);
        }

        /** Several calls in one {@code toolCall} frame (parallel calls). */
        public Builder toolCalls(Step.Call... calls) {
            return step(new Step.ToolCall(Arrays.asList(calls)));
        }

        public Builder cancelToolCalls(String... ids) {
            return step(new Step.CancelToolCalls(Arrays.asList(ids)));
        }

        /** {@code serverContent.interrupted}: the user barged in; a client drops the audio it has not played. */
        public Builder interrupted() {
            return step(new Step.Interrupted());
        }

        public Builder turnComplete() {
            return step(new Step.TurnComplete(null));
        }

        public Builder turnComplete(Object usageMetadata) {
            return step(new Step.TurnComplete(WireJson.MAPPER.valueToTree(usageMetadata)));
        }

        public Builder goAway(Duration timeLeft) {
            return step(new Step.GoAway(timeLeft));
        }

        public Builder resumptionUpdate(String newHandle) {
            return step(new Step.ResumptionUpdate(newHandle, true));
        }

        public Builder notResumable() {
            return step(new Step.ResumptionUpdate("", false));
        }

        public Builder usage(Object usageMetadata) {
            return step(new Step.Usage(WireJson.MAPPER.valueToTree(usageMetadata)));
        }

        public Builder raw(ObjectNode message) {
            return step(new Step.Raw(message));
        }

        public Builder drop() {
            return step(new Step.Drop());
        }

        public Builder close(int code, String reason) {
            return step(new Step.Close(code, reason));
        }

        public Builder delay(Duration duration) {
            return step(new Step.Delay(duration));
        }

        public Scenario build() {
            return new Scenario(name, steps, expectTimeout);
        }
    }

    /** A call for {@link Builder#toolCalls(Step.Call...)}; {@code args} is a map or a JSON-able object. */
    public static Step.Call call(String id, String name, Object args) {
        return new Step.Call(id, name, args == null ? null : WireJson.MAPPER.valueToTree(args));
    }
}
