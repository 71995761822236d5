package dev.livetools.sdk;

/**
 * Whether the model waits for a tool's result. Sent as {@code FunctionDeclaration.behavior}.
 *
 * <p>Support depends on the model: some Live models are synchronous only and treat every call as BLOCKING.
 */
public enum Behavior {
    /** The model waits, silent, until the result arrives. */
    BLOCKING,
    /** The conversation carries on; the result is folded in as it arrives, according to its {@link Scheduling}. */
    NON_BLOCKING
}
