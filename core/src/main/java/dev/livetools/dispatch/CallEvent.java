package dev.livetools.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * One step in the life of a tool call, reported to a {@link DispatchListener}.
 *
 * @param kind what happened
 * @param callId the call id the model sent, or the host-generated one when it sent none
 * @param toolName the name the model called (possibly unknown to the catalog)
 * @param sessionId the dispatcher's session id, or empty
 * @param waited how long the call waited for a thread; zero for {@link Kind#QUEUED} and {@link Kind#DUPLICATE}
 * @param ran how long the method ran; zero until the call ends, and for calls that never started
 * @param error the error type of a {@link Kind#FAILED} call, else {@code null}
 */
public record CallEvent(Kind kind, String callId, String toolName, String sessionId, Duration waited, Duration ran,
                        ErrorType error) {

    /**
     * The steps of a call's life: the one vocabulary of the dispatcher's {@link CallEvent}s and of a live session's
     * {@code SessionEvent.ToolCall} events. The dispatcher reports all but {@link #PARTIAL} and {@link #UNANSWERED};
     * a session all but {@link #DUPLICATE}.
     */
    public enum Kind {
        /** Accepted and waiting for a thread. */
        QUEUED,
        /** The method is running. */
        STARTED,
        /** A NON_BLOCKING tool sent a partial result ({@code willContinue: true}); the final answer follows. */
        PARTIAL,
        /** Answered with a result. */
        FINISHED,
        /** Answered with an error, see {@link CallEvent#error()}. */
        FAILED,
        /** Cancelled (by the model or by closing the dispatcher); no answer is sent. */
        CANCELLED,
        /** A second delivery of a call id already seen; ignored. */
        DUPLICATE,
        /** The answer could not be delivered: the live session ended or could not be resumed. */
        UNANSWERED
    }

    public CallEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(ran, "ran");
        if ((kind == Kind.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error type is given exactly for FAILED events");
        }
    }
}
