package dev.livetools.dispatch;

/**
 * When a dispatcher sends the answers to the calls of one {@code toolCall}. See {@code docs/dispatch.md} for why
 * {@link #ONE_BY_ONE} is the default.
 */
public enum ResponseMode {
    /** Each answer goes out in its own {@code toolResponse} as soon as its call finishes. */
    ONE_BY_ONE,
    /**
     * The answers of one {@code toolCall} go out together in a single {@code toolResponse} once every call of it has
     * finished (cancelled calls are left out). Partial results of NON_BLOCKING tools still go out at once.
     */
    BATCHED
}
