package dev.livetools.dispatch;

import dev.livetools.protocol.ToolResponse;

/**
 * Where a dispatcher delivers {@code toolResponse} messages. Called from tool threads, possibly concurrently: an
 * implementation must be thread-safe and must not block for long (a live session queues the frame and returns).
 */
@FunctionalInterface
public interface ResponseSink {

    /**
     * Delivers one response message.
     *
     * @param response the message to send; never {@code null}
     */
    void send(ToolResponse response);
}
