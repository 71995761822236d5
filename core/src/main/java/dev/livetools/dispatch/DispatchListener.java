package dev.livetools.dispatch;

/**
 * Observes the life of every call a {@link ToolDispatcher} handles: for logs, metrics or a UI. Called synchronously
 * from dispatcher and tool threads, possibly concurrently: keep it quick and thread-safe. An exception it throws is
 * logged and otherwise ignored.
 */
@FunctionalInterface
public interface DispatchListener {

    /**
     * Called for each step of a call.
     *
     * @param event what happened
     */
    void onEvent(CallEvent event);

    /**
     * Called about once a second while calls that were already answered at their deadline, or cancelled, keep
     * running because their method ignores interrupts; each is also logged once as a warning. Their answers are
     * sent and their concurrency slots given to later calls; only their threads are still busy.
     *
     * @param stuck every such call, oldest first; the count is its size
     */
    default void onStuckCalls(java.util.List<StuckCall> stuck) {
    }

}
