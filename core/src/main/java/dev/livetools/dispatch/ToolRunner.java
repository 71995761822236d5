package dev.livetools.dispatch;

import dev.livetools.protocol.ToolCall;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a live session needs from a tool host: run the calls of a {@code toolCall}, answer each through a sink, and
 * cancel calls on {@code toolCallCancellation}. {@code ToolDispatcher} is the implementation; the interface lets a
 * session be tested with a scripted runner and lets applications wrap the dispatcher (auditing, confirmation).
 */
public interface ToolRunner extends AutoCloseable {

    /**
     * Starts every call of {@code call} without blocking the caller; each call id is answered exactly once through
     * {@code sink} (a result or an error), except calls cancelled before they finish.
     *
     * @return completes when every call of this message has been answered or cancelled
     */
    CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink);

    /**
     * Cancels the given call ids: running methods are interrupted and their late responses suppressed.
     *
     * @return the ids that were running or queued and are now cancelled; unknown or finished ids are ignored
     */
    Set<String> cancel(Collection<String> ids);

    /** Stops accepting calls and interrupts the calls still running. */
    @Override
    void close();
}
