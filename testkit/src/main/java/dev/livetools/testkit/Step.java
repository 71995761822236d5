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

    /** The user streams at least {@code minBytes} of audio ({@code realtimeInput.audio} or legacy mediaChunks). */
    record ExpectAudio(int minBytes) implements Step {
        public ExpectAudio {
            if (minBytes < 1) {
                throw new IllegalArgumentException("ExpectAudio.minBytes must be at least 1, got " + minBytes);
            }
        }

        @Override
        public String describe() {
            return "expect user audio (>= " + minBytes + " bytes)";
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

    /** Model audio: {@code chunks} frames of 24 kHz PCM16 in {@code inlineData}, {@code bytesPerChunk} each. */
    record Audio(int chunks, int bytesPerChunk) implements Step {
        public Audio {
            if (chunks < 1 || bytesPerChunk < 2) {
                throw new IllegalArgumentException("Audio needs chunks >= 1 and bytesPerChunk >= 2, got " + chunks
                        + " and " + bytesPerChunk);
            }
        }

        @Override
        public String describe() {
            return "model audio " + chunks + " x " + bytesPerChunk + " bytes";
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
