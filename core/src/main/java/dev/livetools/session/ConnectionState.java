package dev.livetools.session;

/** The states of a {@link LiveSession}'s connection, as reported by {@link SessionEvent.Connection}. */
public enum ConnectionState {
    /** Opening the WebSocket and waiting for {@code setupComplete}. */
    CONNECTING,
    /** {@code setupComplete} received: the model is listening. */
    CONNECTED,
    /** The server sent {@code goAway}; a replacement connection is being opened with the resumption handle. */
    HANDING_OVER,
    /** The connection dropped; reconnecting with backoff and the resumption handle. */
    RECONNECTING,
    /** A new connection resumed the session (after a handover or a reconnect). */
    RESUMED,
    /** The session is over. */
    CLOSED
}
