package dev.livetools.session;

import dev.livetools.protocol.Blob;
import dev.livetools.protocol.UsageMetadata;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that happened in a {@link LiveSession}, delivered in order to {@link LiveSessionListener}s and to
 * subscribers of {@link LiveSession#events()}. Events are delivered on the session's event thread, never on the
 * socket's read thread, so a slow listener does not stall the connection.
 */
public sealed interface SessionEvent {

    /** A piece of model text ({@code thought} parts are the model's thinking, when it shares it). */
    record Text(String text, boolean thought) implements SessionEvent {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A chunk of model audio: 16-bit little-endian mono PCM, 24 kHz; {@code chunk.bytes()} decodes it. */
    record Audio(Blob chunk) implements SessionEvent {
        public Audio {
            Objects.requireNonNull(chunk, "chunk");
        }
    }

    /** A piece of transcript of the user's speech ({@link Direction#INPUT}) or of the model's audio. */
    record Transcript(Direction direction, String text, boolean finished) implements SessionEvent {
        public Transcript {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Whose speech a {@link Transcript} is. */
    enum Direction { INPUT, OUTPUT }

    /** The model finished generating; {@link TurnComplete} follows (after playback, when the server assumes it). */
    record GenerationComplete() implements SessionEvent {
    }

    /** The model's turn is over. {@code reason} is the server's {@code turnCompleteReason}, or {@code null}. */
    record TurnComplete(String reason, boolean waitingForInput) implements SessionEvent {
    }

    /** The user (or a client message) interrupted the model: stop playback and drop queued audio. */
    record Interrupted() implements SessionEvent {
    }

    /** Token usage reported by the server. */
    record Usage(UsageMetadata usage) implements SessionEvent {
        public Usage {
            Objects.requireNonNull(usage, "usage");
        }
    }

    /** Voice activity reported by the server ({@code ACTIVITY_START}/{@code ACTIVITY_END} or a VAD signal type). */
    record VoiceActivity(String type) implements SessionEvent {
    }

    /**
     * One step in the life of a tool call. {@code elapsed} is measured from when the session queued the call:
     * zero for {@link ToolStage#QUEUED}. {@code detail} is the error type or message for {@link ToolStage#FAILED} and
     * the reason for {@link ToolStage#UNANSWERED}.
     */
    record ToolCall(ToolStage stage, String callId, String name, Duration elapsed, String detail)
            implements SessionEvent {
        public ToolCall {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** The steps of a tool call as the session sees them. */
    enum ToolStage {
        /** Handed to the tool runner. */
        QUEUED,
        /** The tool began running (reported by the runner through {@link LiveSession.Builder#toolStarted()}). */
        STARTED,
        /** Answered with a result. */
        FINISHED,
        /** Answered with an error response ({@code {"error": ...}}). */
        FAILED,
        /** Cancelled by the server's {@code toolCallCancellation}; no answer is sent. */
        CANCELLED,
        /** The answer could not be delivered: the session ended or could not be resumed. */
        UNANSWERED
    }

    /** The connection changed state; {@code detail} says why (close code and reason, handover, retry count). */
    record Connection(ConnectionState state, String detail) implements SessionEvent {
        public Connection {
            Objects.requireNonNull(state, "state");
        }
    }

    /** A frame could not be decoded; it was skipped and the session carries on. */
    record MalformedFrame(String problem) implements SessionEvent {
    }
}
