package dev.livetools.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.dispatch.CallEvent;
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
     * One step in the life of a tool call, in the same vocabulary as the dispatcher's {@link CallEvent}s.
     * {@code elapsed} is measured from when the session queued the call: zero for {@link CallEvent.Kind#QUEUED}.
     * {@code detail} is the error type (or message) for {@link CallEvent.Kind#FAILED} and the reason for
     * {@link CallEvent.Kind#UNANSWERED}. {@code response} is the answer sent to the model for
     * {@link CallEvent.Kind#FINISHED}, {@link CallEvent.Kind#FAILED} and {@link CallEvent.Kind#PARTIAL} (a
     * NON_BLOCKING tool's partial result, sent with {@code willContinue}), else {@code null}. A session reports
     * {@code QUEUED}, {@code STARTED} (when its runner reports it through the sink), {@code PARTIAL},
     * {@code FINISHED}, {@code FAILED}, {@code CANCELLED} and {@code UNANSWERED}; never {@code DUPLICATE}, because a
     * repeated announcement of a call is not news to the application.
     */
    record ToolCall(CallEvent.Kind stage, String callId, String name, Duration elapsed, String detail,
                    ObjectNode response) implements SessionEvent {
        public ToolCall {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /** Whether this is the call's last event: answered, cancelled or given up. */
        public boolean isFinal() {
            return stage == CallEvent.Kind.FINISHED || stage == CallEvent.Kind.FAILED
                    || stage == CallEvent.Kind.CANCELLED || stage == CallEvent.Kind.UNANSWERED;
        }
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
