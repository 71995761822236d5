package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing the client did, as scenario expectations see it. A {@code toolResponse} with several function
 * responses becomes one event per response, so each can be matched to its own expectation.
 *
 * @param kind       what happened
 * @param text       user text for {@link Kind#TEXT}; close reason for {@link Kind#CLOSED}
 * @param bytes      decoded audio bytes for {@link Kind#AUDIO}; close code for {@link Kind#CLOSED}
 * @param payload    the function response for {@link Kind#TOOL_RESPONSE}, else the message
 * @param connection the connection it came from
 */
record ClientEvent(Kind kind, String text, long bytes, JsonNode payload, int connection) {

    /** Event kinds. */
    public enum Kind {
        TEXT, AUDIO, VIDEO, ACTIVITY_START, ACTIVITY_END, AUDIO_STREAM_END, TOOL_RESPONSE, CONTEXT_UPDATE,
        OTHER_CONTENT, CLOSED
    }

    /** Whether this is streamed media that an unrelated expectation may skip without reporting it. */
    public boolean isStreamNoise() {
        return kind == Kind.AUDIO || kind == Kind.VIDEO || kind == Kind.ACTIVITY_START
                || kind == Kind.AUDIO_STREAM_END;
    }

    public String describe() {
        return switch (kind) {
            case TEXT -> "user text \"" + text + "\"";
            case AUDIO -> "audio " + bytes + " bytes";
            case TOOL_RESPONSE -> "functionResponse " + WireJson.compact(payload);
            case CLOSED -> "connection " + connection + " closed (" + bytes + " " + text + ")";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
