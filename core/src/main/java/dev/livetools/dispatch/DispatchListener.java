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

}
