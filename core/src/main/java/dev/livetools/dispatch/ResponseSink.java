package dev.livetools.dispatch;

import dev.livetools.protocol.ToolResponse;

/**
 * Where a dispatcher delivers {@code toolResponse} messages. Called from tool threads, possibly concurrently: an
 * implementation must be thread-safe and must not block for long (a live session queues the frame and returns). A
 * runner that wraps another and wraps its sink must forward {@link #started} and {@link #deduplicatesCalls} too.
 */
@FunctionalInterface
public interface ResponseSink {

    /**
     * Delivers one response message.
     *
     * @param response the message to send; never {@code null}
     */
    void send(ToolResponse response);

    /**
     * The method of call {@code callId} began running (the dispatcher's {@code STARTED}). A live session reports it
     * as a {@code STARTED} tool event; other sinks may ignore it, as the default does. Must not block.
     *
     * @param callId the id the model sent; calls without an id are not reported
     */
    default void started(String callId) {
    }

    /**
     * Whether whoever sends calls with this sink has already filtered out repeated call ids. A live session has: its
     * call ledger remembers every id across reconnects, so the dispatcher skips its own filter of recent ids and the
     * session's calls are deduplicated in one place (protocol Gotcha 6). Default {@code false}: the dispatcher
     * filters.
     */
    default boolean deduplicatesCalls() {
        return false;
    }
}
