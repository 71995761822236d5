package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One frame from the Live service. The proto has a {@code oneof} of message kinds plus {@code usageMetadata} beside it,
 * and a frame may carry several keys at once, so every kind is a nullable component here: handle each one present.
 * Keys this model does not know are kept in {@code unknown} (never an error), so newer servers do not break a client.
 */
public record ServerMessage(SetupComplete setupComplete, ServerContent serverContent, ToolCall toolCall,
                            ToolCallCancellation toolCallCancellation, GoAway goAway,
                            SessionResumptionUpdate sessionResumptionUpdate,
                            VoiceActivityDetectionSignal voiceActivityDetectionSignal, VoiceActivity voiceActivity,
                            UsageMetadata usageMetadata, Map<String, JsonNode> unknown) {

    public ServerMessage {
        unknown = Extra.copy(unknown);
    }

    public static ServerMessage of(SetupComplete m) {
        return new ServerMessage(m, null, null, null, null, null, null, null, null, null);
    }

    public static ServerMessage of(ServerContent m) {
        return new ServerMessage(null, m, null, null, null, null, null, null, null, null);
    }

    public static ServerMessage of(ToolCall m) {
        return new ServerMessage(null, null, m, null, null, null, null, null, null, null);
    }

    public static ServerMessage of(ToolCallCancellation m) {
        return new ServerMessage(null, null, null, m, null, null, null, null, null, null);
    }

    public static ServerMessage of(GoAway m) {
        return new ServerMessage(null, null, null, null, m, null, null, null, null, null);
    }

    public static ServerMessage of(SessionResumptionUpdate m) {
        return new ServerMessage(null, null, null, null, null, m, null, null, null, null);
    }

    public static ServerMessage of(VoiceActivityDetectionSignal m) {
        return new ServerMessage(null, null, null, null, null, null, m, null, null, null);
    }

    public static ServerMessage of(VoiceActivity m) {
        return new ServerMessage(null, null, null, null, null, null, null, m, null, null);
    }

    public static ServerMessage of(UsageMetadata m) {
        return new ServerMessage(null, null, null, null, null, null, null, null, m, null);
    }

    /** This frame with {@code usageMetadata} beside its other content (as the service sends it with turnComplete). */
    public ServerMessage withUsageMetadata(UsageMetadata usage) {
        return new ServerMessage(setupComplete, serverContent, toolCall, toolCallCancellation, goAway,
                sessionResumptionUpdate, voiceActivityDetectionSignal, voiceActivity, usage, unknown);
    }

    /** The top-level keys present, known ones first, in a fixed order. */
    public List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        if (setupComplete != null) kinds.add("setupComplete");
        if (serverContent != null) kinds.add("serverContent");
        if (toolCall != null) kinds.add("toolCall");
        if (toolCallCancellation != null) kinds.add("toolCallCancellation");
        if (goAway != null) kinds.add("goAway");
        if (sessionResumptionUpdate != null) kinds.add("sessionResumptionUpdate");
        if (voiceActivityDetectionSignal != null) kinds.add("voiceActivityDetectionSignal");
        if (voiceActivity != null) kinds.add("voiceActivity");
        if (usageMetadata != null) kinds.add("usageMetadata");
        kinds.addAll(unknown.keySet());
        return kinds;
    }
}
