package dev.livetools.session;

import dev.livetools.protocol.UsageMetadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's answer to one user turn, as {@link LiveSession#sendTurn(String)} returns it once {@code turnComplete}
 * arrives.
 *
 * @param text        the model's text parts, joined (thoughts left out); empty in AUDIO sessions
 * @param transcript  the transcript of the model's audio (with {@code outputTranscription(true)}), else empty
 * @param toolCalls   each tool call the model made during the turn, in the order they were queued, as its latest
 *                    event: normally answered ({@code FINISHED}/{@code FAILED}); a NON_BLOCKING call may still be
 *                    running or have sent only {@code PARTIAL} results
 * @param usage       the last {@code usageMetadata} of the turn, if the server sent one
 * @param interrupted whether the turn was interrupted (barge-in) before it completed
 * @param reason      the server's {@code turnCompleteReason}, or {@code null}
 */
public record ModelTurn(String text, String transcript, List<SessionEvent.ToolCall> toolCalls, UsageMetadata usage,
                        boolean interrupted, String reason) {

    public ModelTurn {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(transcript, "transcript");
        toolCalls = List.copyOf(toolCalls);
    }

    /** The usage, when the server reported one. */
    public Optional<UsageMetadata> usageMetadata() {
        return Optional.ofNullable(usage);
    }

    /** What the model said: its text, or in AUDIO sessions the transcript of what it spoke. */
    public String said() {
        return text.isEmpty() ? transcript : text;
    }
}
