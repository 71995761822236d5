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
 * @param byClient   for {@link Kind#CLOSED}: whether the client closed (else the emulator did)
 */
record ClientEvent(Kind kind, String text, long bytes, JsonNode payload, int connection, boolean byClient) {

    /** Anything but a close. */
    ClientEvent(Kind kind, String text, long bytes, JsonNode payload, int connection) {
        this(kind, text, bytes, payload, connection, true);
    }

    /** The connection closed; {@code byClient} false when the emulator (or its WebSocket library) closed it. */
    static ClientEvent closed(int code, String reason, int connection, boolean byClient) {
        return new ClientEvent(Kind.CLOSED, reason == null ? "" : reason, code, null, connection, byClient);
    }

    /** "the client closed the connection (1000 bye)" or "the emulator closed ...". */
    String describeClose() {
        return (byClient ? "the client" : "the emulator") + " closed the connection (" + bytes
                + (text.isEmpty() ? "" : " " + text) + ")";
    }

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
            case CLOSED -> "connection " + connection + ": " + describeClose();
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
