package dev.livetools.session;

import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.GoAway;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.Transcription;

import java.util.ArrayList;
import java.util.List;

/**
 * What a server frame means for a session, in the order the session must act on it: events to emit, calls to run,
 * ids to cancel, a resumption handle to keep, a {@code goAway} to act on. A pure function of the frame (no session
 * state), so every mapping rule is testable without a socket; {@code setupComplete} is the connection's business and
 * not mapped here.
 */
final class ServerMessageMapping {

    /** One thing a frame asks of the session. */
    public sealed interface Inbound {
    }

    /** Tell the application. */
    public record Emit(SessionEvent event) implements Inbound {
    }

    /** Calls announced (by {@code toolCall}, or as {@code functionCall} parts with an id; Gotcha 6: may repeat). */
    public record Calls(List<FunctionCall> calls) implements Inbound {
    }

    /** Entries of a {@code toolCall} that could not be read as calls (their valid siblings are in {@link Calls}). */
    public record Unreadable(List<ToolCall.Malformed> entries) implements Inbound {
    }

    /** {@code toolCallCancellation}: cancel exactly these ids. */
    public record Cancel(List<String> ids) implements Inbound {
    }

    /** A resumable handle to keep (non-resumable updates keep the last good one, Gotcha 12). */
    public record Handle(String handle) implements Inbound {
    }

    /** The server will close this connection soon. */
    public record Leaving(GoAway goAway) implements Inbound {
    }

    private ServerMessageMapping() {
    }

    /** The frame's meaning; {@code goAway} comes last, after everything else the frame carried. */
    public static List<Inbound> map(ServerMessage m) {
        List<Inbound> out = new ArrayList<>(4);
        if (m.sessionResumptionUpdate() != null && m.sessionResumptionUpdate().hasUsableHandle()) {
            out.add(new Handle(m.sessionResumptionUpdate().newHandle()));
        }
        if (m.serverContent() != null) {
            content(m.serverContent(), out);
        }
        if (m.toolCall() != null) {
            out.add(new Calls(m.toolCall().functionCalls()));
            if (!m.toolCall().malformed().isEmpty()) {
                out.add(new Unreadable(m.toolCall().malformed()));
            }
        }
        if (m.toolCallCancellation() != null) {
            out.add(new Cancel(m.toolCallCancellation().ids()));
        }
        if (m.voiceActivity() != null) {
            out.add(new Emit(new SessionEvent.VoiceActivity(m.voiceActivity().type())));
        }
        if (m.voiceActivityDetectionSignal() != null) {
            out.add(new Emit(new SessionEvent.VoiceActivity(m.voiceActivityDetectionSignal().vadSignalType())));
        }
        if (m.usageMetadata() != null) {
            out.add(new Emit(new SessionEvent.Usage(m.usageMetadata())));
        }
        if (m.goAway() != null) {
            out.add(new Leaving(m.goAway()));
        }
        return out;
    }

    private static void content(ServerContent content, List<Inbound> out) {
        List<FunctionCall> partCalls = null;
        for (Part p : content.parts()) {
            if (p.text() != null) {
                out.add(new Emit(new SessionEvent.Text(p.text(), p.isThought())));
            }
            if (p.inlineData() != null && p.inlineData().mimeType() != null
                    && p.inlineData().mimeType().startsWith("audio/")) {
                out.add(new Emit(new SessionEvent.Audio(p.inlineData())));
            }
            // A functionCall part without an id cannot be matched to its toolCall twin: the toolCall runs it.
            if (p.functionCall() != null && p.functionCall().id() != null) {
                (partCalls == null ? partCalls = new ArrayList<>() : partCalls).add(p.functionCall());
            }
        }
        if (partCalls != null) {
            out.add(new Calls(partCalls));
        }
        transcript(SessionEvent.Direction.INPUT, content.inputTranscription(), out);
        transcript(SessionEvent.Direction.OUTPUT, content.outputTranscription(), out);
        if (content.interrupted()) {
            out.add(new Emit(new SessionEvent.Interrupted()));
        }
        if (content.generationComplete()) {
            out.add(new Emit(new SessionEvent.GenerationComplete()));
        }
        if (content.turnComplete()) {
            out.add(new Emit(new SessionEvent.TurnComplete(content.turnCompleteReason(), content.waitingForInput())));
        }
    }

    /** Vertex sends empty transcription objects ({@code outputTranscription:{}}, Gotcha 16): nothing to say. */
    private static void transcript(SessionEvent.Direction direction, Transcription t, List<Inbound> out) {
        if (t != null && (t.text() != null || t.isFinished())) {
            out.add(new Emit(new SessionEvent.Transcript(direction, t.textOrEmpty(), t.isFinished())));
        }
    }
}
