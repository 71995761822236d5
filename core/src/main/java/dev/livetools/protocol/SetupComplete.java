package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Server message {@code setupComplete}: the connection is ready. {@code sessionId} is sent by Vertex AI only;
 * {@code voiceConsentSignature} is {@code voiceConsentSignature.signature} when a replicated voice was verified.
 */
public record SetupComplete(String sessionId, String voiceConsentSignature, Map<String, JsonNode> extra) {

    public SetupComplete {
        extra = Extra.copy(extra);
    }

    public static SetupComplete empty() {
        return new SetupComplete(null, null, null);
    }
}
