package dev.livetools.samples.home;

import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A ToolContext as the host would give a NON_BLOCKING call: records partial results and can be cancelled. */
final class RecordingContext implements ToolContext {

    private final BlockingQueue<Object> partials = new LinkedBlockingQueue<>();
    private final List<Runnable> onCancel = new ArrayList<>();
    private boolean cancelled;

    @Override
    public String callId() {
        return "function-call-1";
    }

    @Override
    public String toolName() {
        return "test";
    }

    @Override
    public String sessionId() {
        return "";
    }

    @Override
    public Instant deadline() {
        return Instant.now().plusSeconds(3600);
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                onCancel.add(action);
            }
        }
        if (now) {
            action.run();
        }
    }

    @Override
    public void sendPartial(Object partial) {
        partials.add(partial);
    }

    @Override
    public void sendPartial(Object partial, Scheduling scheduling) {
        partials.add(partial);
    }

    /** Cancels the call the way the host does on toolCallCancellation, without the thread interrupt. */
    void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            cancelled = true;
            actions = List.copyOf(onCancel);
            onCancel.clear();
        }
        actions.forEach(Runnable::run);
    }

    /** The next partial result, waiting up to two seconds for it. */
    Object nextPartial() throws InterruptedException {
        Object p = partials.poll(2, TimeUnit.SECONDS);
        if (p == null) {
            throw new AssertionError("no partial result was sent");
        }
        return p;
    }

    List<Object> partialsSoFar() {
        return List.copyOf(partials);
    }
}
