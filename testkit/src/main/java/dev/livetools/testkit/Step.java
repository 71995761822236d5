package dev.livetools.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a {@link Scenario}: either something the emulated model emits, or something it expects from the
 * client. Steps run in order; an expectation waits (up to the scenario's expect timeout) for a matching client
 * message, setting aside client messages of other kinds for later steps.
 */
public sealed interface Step {

    /** A short human description, used in results and transcripts. */
    String describe();

    // ---- expectations ------------------------------------------------------------------------------------------

    /** The user sends text: {@code clientContent} turns or {@code realtimeInput.text}. */
    record ExpectText(TextMatch match) implements Step {
        public ExpectText {
            Objects.requireNonNull(match, "match");
        }

        @Override
        public String describe() {
            return "expect user text " + match;
        }
    }

    /**
     * The user streams audio ({@code realtimeInput.audio} or legacy {@code mediaChunks}) until at least
     * {@code minBytes} decoded bytes and at least {@code minLength} of sound have arrived. The length is computed from
     * each chunk's declared rate ({@code audio/pcm;rate=16000}; 16 kHz when none is declared, 16-bit mono as the Live
     * API expects, live-protocol.md §5).
     */
    record ExpectAudio(int minBytes, Duration minLength) implements Step {
        public ExpectAudio {
            if (minBytes < 1) {
                throw new IllegalArgumentException("ExpectAudio.minBytes must be at least 1, got " + minBytes);
            }
            minLength = minLength == null ? Duration.ZERO : minLength;
            if (minLength.isNegative()) {
                throw new IllegalArgumentException("ExpectAudio.minLength must not be negative: " + minLength);
            }
        }

        /** At least {@code minBytes} decoded bytes. */
        public ExpectAudio(int minBytes) {
            this(minBytes, Duration.ZERO);
        }

        @Override
        public String describe() {
            return "expect user audio (>= " + (minLength.isZero() ? minBytes + " bytes" : minLength.toMillis() + " ms")
                    + ")";
        }
    }

    /** The client ends its audio stream: {@code realtimeInput.audioStreamEnd} (the microphone closed). */
    record ExpectAudioStreamEnd() implements Step {
        @Override
        public String describe() {
            return "expect audioStreamEnd";
        }
    }

    /** The client ends the user's activity: {@code realtimeInput.activityEnd}. */
    record ExpectActivityEnd() implements Step {
        @Override
        public String describe() {
            return "expect activityEnd";
        }
    }

    /** The client answers the given calls; each check names one call id and what its response must satisfy. */
    record ExpectToolResponse(List<ResponseCheck> checks) implements Step {
        public ExpectToolResponse {
            if (checks == null || checks.isEmpty()) {
                throw new IllegalArgumentException("ExpectToolResponse needs at least one ResponseCheck");
            }
            checks = List.copyOf(checks);
        }

        @Override
        public String describe() {
            return "expect toolResponse for " + checks.stream().map(ResponseCheck::id).toList();
        }
    }

    /** No response arrives for these call ids during {@code window} (for example after cancelling them). */
    record ExpectNoToolResponse(List<String> ids, Duration window) implements Step {
        public ExpectNoToolResponse {
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("ExpectNoToolResponse needs at least one call id");
            }
            ids = List.copyOf(ids);
            Objects.requireNonNull(window, "window");
        }

        @Override
        public String describe() {
            return "expect no toolResponse for " + ids + " within " + window.toMillis() + " ms";
        }
    }

    // ---- emissions ---------------------------------------------------------------------------------------------

    /** Model text: {@code serverContent.modelTurn.parts[{text}]}. */
    record Text(String text) implements Step {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return "model says \"" + text + "\"";
        }
    }

    /**
     * Model audio: 24 kHz 16-bit mono PCM ({@code audio/pcm;rate=24000}, live-protocol.md §5) in
     * {@code serverContent.modelTurn.parts[].inlineData}, cut into chunks of {@code chunk} (the service's recorded
     * chunks hold 200 ms) and sent {@code speed} times faster than real time, as the service generates faster than a
     * listener plays, so a client must buffer (and drop its buffer on {@code interrupted}).
     */
    record Audio(Sound sound, Duration chunk, double speed) implements Step {

        /** The chunk length of the service's recorded audio frames: 9,600 bytes of 24 kHz PCM16 (sample rec-vertex). */
        public static final Duration DEFAULT_CHUNK = Duration.ofMillis(200);
        /** How much faster than real time chunks are sent by default. */
        public static final double DEFAULT_SPEED = 4;

        public Audio {
            Objects.requireNonNull(sound, "sound");
            chunk = chunk == null ? DEFAULT_CHUNK : chunk;
            if (chunk.toMillis() < 1 || chunk.toMillis() > 60_000) {
                throw new IllegalArgumentException("Audio.chunk must be 1 ms to 60 s, got " + chunk.toMillis() + " ms");
            }
            if (!(speed > 0) || speed > 1000) {
                throw new IllegalArgumentException("Audio.speed must be above 0 and at most 1000 (times real time), got "
                        + speed);
            }
        }

        /** A sine tone of {@code hz} for {@code length}, in default chunks at the default speed. */
        public static Audio tone(int hz, Duration length) {
            return new Audio(new Tone(hz, length), DEFAULT_CHUNK, DEFAULT_SPEED);
        }

        /** The sound of a 24 kHz 16-bit mono PCM WAV file, in default chunks at the default speed. */
        public static Audio wav(java.nio.file.Path file) {
            return new Audio(Wav.of(file), DEFAULT_CHUNK, DEFAULT_SPEED);
        }

        @Override
        public String describe() {
            return "model audio " + sound.describe() + " in " + chunk.toMillis() + " ms chunks";
        }
    }

    /** What a model {@link Audio} step plays. */
    sealed interface Sound permits Tone, Wav {
        String describe();
    }

    /** A sine tone: audible in a player, recognisably not silence in a test. */
    record Tone(int hz, Duration length) implements Sound {
        public Tone {
            if (hz < 1 || hz > 12_000) {
                throw new IllegalArgumentException("Tone.hz must be 1 to 12000 (24 kHz audio), got " + hz);
            }
            Objects.requireNonNull(length, "length");
            if (length.toMillis() < 1 || length.toMinutes() > 10) {
                throw new IllegalArgumentException("Tone length must be 1 ms to 10 min, got " + length.toMillis()
                        + " ms");
            }
        }

        @Override
        public String describe() {
            return hz + " Hz tone " + length.toMillis() + " ms";
        }
    }

    /**
     * A WAV file of 24 kHz 16-bit mono PCM. {@code file} is the name as written (relative to the scenario file);
     * {@code location} is where it was found. The format is checked when the step is made.
     */
    record Wav(String file, java.net.URI location) implements Sound {
        public Wav {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(location, "location");
            dev.livetools.testkit.internal.ModelAudio.checkWav(location);
        }

        /** A file on disk. */
        public static Wav of(java.nio.file.Path file) {
            return new Wav(file.toString(), file.toAbsolutePath().toUri());
        }

        @Override
        public String describe() {
            return "from " + file;
        }
    }

    /** A transcription of the user's speech (input) or of the model's audio (output). */
    record Transcription(Direction direction, String text, Boolean finished) implements Step {
        /** Whose speech is transcribed. */
        public enum Direction { INPUT, OUTPUT }

        public Transcription {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return direction.name().toLowerCase(java.util.Locale.ROOT) + " transcription \"" + text + "\"";
        }
    }

    /** A {@code toolCall} frame with one or several calls. */
    record ToolCall(List<Call> calls) implements Step {
        public ToolCall {
            if (calls == null || calls.isEmpty()) {
                throw new IllegalArgumentException("ToolCall needs at least one call");
            }
            calls = List.copyOf(calls);
        }

        @Override
        public String describe() {
            return "toolCall " + calls.stream().map(c -> c.name() + "#" + c.id()).toList();
        }
    }

    /** One function call: {@code args} may be empty but never null. */
    record Call(String id, String name, ObjectNode args) {
        public Call {
            Objects.requireNonNull(id, "Call.id");
            Objects.requireNonNull(name, "Call.name");
            args = args == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : args;
        }
    }

    /** {@code toolCallCancellation} for these ids. */
    record CancelToolCalls(List<String> ids) implements Step {
        public CancelToolCalls {
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("CancelToolCalls needs at least one call id");
            }
            ids = List.copyOf(ids);
        }

        @Override
        public String describe() {
            return "toolCallCancellation " + ids;
        }
    }

    /** {@code serverContent.interrupted}: the user barged in. */
    record Interrupted() implements Step {
        @Override
        public String describe() {
            return "interrupted";
        }
    }

    /** {@code generationComplete} then {@code turnComplete}, with {@code usageMetadata} when given. */
    record TurnComplete(ObjectNode usageMetadata) implements Step {
        @Override
        public String describe() {
            return "turnComplete";
        }
    }

    /** {@code goAway} announcing the connection ends in {@code timeLeft}. */
    record GoAway(Duration timeLeft) implements Step {
        public GoAway {
            Objects.requireNonNull(timeLeft, "timeLeft");
        }

        @Override
        public String describe() {
            return "goAway " + timeLeft.toMillis() + " ms";
        }
    }

    /** {@code sessionResumptionUpdate}; a resumable non-empty handle lets a new connection continue this run. */
    record ResumptionUpdate(String newHandle, boolean resumable) implements Step {
        public ResumptionUpdate {
            newHandle = newHandle == null ? "" : newHandle;
        }

        @Override
        public String describe() {
            return "sessionResumptionUpdate " + (resumable ? "handle " + newHandle : "not resumable");
        }
    }

    /** A frame holding only {@code usageMetadata}. */
    record Usage(ObjectNode usageMetadata) implements Step {
        public Usage {
            Objects.requireNonNull(usageMetadata, "usageMetadata");
        }

        @Override
        public String describe() {
            return "usageMetadata";
        }
    }

    /** Any server message, sent as given (for shapes the other steps do not cover). */
    record Raw(ObjectNode message) implements Step {
        public Raw {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String describe() {
            return "raw " + message.fieldNames().next();
        }
    }

    /** The connection drops without a close frame (the client sees 1006); a resuming client continues the run. */
    record Drop() implements Step {
        @Override
        public String describe() {
            return "drop the connection";
        }
    }

    /** The server closes the connection with a code and reason (for example 1011 after a goAway). */
    record Close(int code, String reason) implements Step {
        public Close {
            reason = reason == null ? "" : reason;
        }

        @Override
        public String describe() {
            return "close " + code + " \"" + reason + "\"";
        }
    }

    /** Nothing happens for a while. */
    record Delay(Duration duration) implements Step {
        public Delay {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("Delay must not be negative: " + duration);
            }
        }

        @Override
        public String describe() {
            return "delay " + duration.toMillis() + " ms";
        }
    }
}
