package dev.livetools.sdk;

import java.time.Instant;

/**
 * The call a tool method is serving. Declare a parameter of this type anywhere in a tool's signature to receive it;
 * it is matched by type, never by name, and never appears in the declaration the model sees.
 *
 * <p>A context belongs to one call and may be used from any thread while that call runs.
 */
public interface ToolContext {

    /**
     * The id the model gave this call (echoed in the response), or a host-generated one when the server sent none.
     *
     * @return the call id
     */
    String callId();

    /**
     * The tool's declared name.
     *
     * @return the tool name
     */
    String toolName();

    /**
     * The id of the live session the call arrived on, or an empty string when it runs outside a session.
     *
     * @return the session id
     */
    String sessionId();

    /**
     * When the host gives up on this call and answers {@code DEADLINE_EXCEEDED}.
     *
     * @return the deadline
     */
    Instant deadline();

    /**
     * Whether the model cancelled this call (a {@code toolCallCancellation}) or its deadline passed. Long-running
     * tools should check it between steps; the host also interrupts the calling thread.
     *
     * @return {@code true} once the call is cancelled
     */
    boolean isCancelled();

    /**
     * Runs {@code action} once when the call is cancelled, or at once if it already is. Use it to abort work that does
     * not respond to thread interrupts, such as a network request.
     *
     * @param action what to run on cancellation; must not be {@code null}
     */
    void onCancel(Runnable action);

    /**
     * Sends an intermediate result for a NON_BLOCKING tool: it goes out at once as a response with
     * {@code willContinue: true} and the tool's default scheduling, and the method's return value follows as the final
     * one. Ignored after cancellation.
     *
     * @param partial the intermediate result, serialised like a return value
     * @throws IllegalStateException if the tool is BLOCKING, or the call has already finished
     */
    void sendPartial(Object partial);

    /**
     * Like {@link #sendPartial(Object)}, with a scheduling for this one result.
     *
     * @param partial the intermediate result
     * @param scheduling how the model treats it
     * @throws IllegalStateException if the tool is BLOCKING, or the call has already finished
     */
    void sendPartial(Object partial, Scheduling scheduling);
}
