package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call in flight, and the {@link ToolContext} its method receives. A small state machine guarantees the protocol
 * rules: one outcome, answered at most once, none after cancellation, partial results only before the final one.
 * Everything it decides goes one way, to its {@link CallGroup}. All state changes happen under one lock, which also
 * guards the running thread so that an interrupt can never reach a pool thread that has moved on to another call.
 */
final class Call implements ToolContext {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    /** Answered in BATCHED mode; the answer waits for the rest of its toolCall and can still be cancelled. */
    private static final int HELD = 2;
    private static final int ANSWERED = 3;
    private static final int CANCELLED = 4;

    final CallGroup group;
    /** The id as the model sent it, echoed in answers; {@code null} when it sent none. */
    final String wireId;
    final String callId;
    final String name;
    final ObjectNode args;
    /** {@code null} when the catalog has no tool of this name. */
    final RoutedTool route;
    final Duration timeout;
    final long queuedNanos;
    final long deadlineNanos;
    /** Computed on first use: most tools never ask, and the clock read is not free. */
    private volatile Instant deadline;

    private final ReentrantLock lock = new ReentrantLock();
    private int state = QUEUED;
    private Thread thread;
    private boolean partialsSent;
    private volatile boolean cancelled;
    private List<Runnable> cancelActions;
    private FunctionResponse held;
    private ErrorType outcome;
    private long startedNanos;
    private long endedNanos;
    /** Frees the call's concurrency slot; run at most once, when the method returns or the call is given up. */
    private Runnable slot;
    /** The call was answered or cancelled while its method still ran; it is reported until the method returns. */
    private boolean overrunning;

    Call(CallGroup group, String wireId, String callId, String name, ObjectNode args, RoutedTool route,
         Duration timeout) {
        this.group = group;
        this.wireId = wireId;
        this.callId = callId;
        this.name = name;
        this.args = args;
        this.route = route;
        this.timeout = timeout;
        this.queuedNanos = System.nanoTime();
        this.deadlineNanos = queuedNanos + timeout.toNanos();
    }

    /** Moves a queued call to running on the current thread; {@code false} if it was cancelled or timed out first. */
    boolean start(Runnable slot) {
        lock.lock();
        try {
            if (state != QUEUED) {
                return false;
            }
            state = RUNNING;
            thread = Thread.currentThread();
            this.slot = slot;
            startedNanos = group.timing() ? System.nanoTime() : 0;
        } finally {
            lock.unlock();
        }
        group.started(this);
        return true;
    }

    /** The method has returned: from now on nobody may interrupt this thread on this call's behalf. */
    void detach() {
        Runnable free;
        boolean overran;
        lock.lock();
        try {
            thread = null;
            free = slot;
            slot = null;
            overran = overrunning;
            overrunning = false;
        } finally {
            lock.unlock();
        }
        if (free != null) {
            free.run();
        }
        if (overran) {
            group.overrunEnded(this);
        }
    }

    /** Whether the call was given up while its method runs, and the method has not returned yet. */
    boolean overrunning() {
        lock.lock();
        try {
            return overrunning;
        } finally {
            lock.unlock();
        }
    }

    /** The call's one outcome; ignored when the call was cancelled, timed out or answered already. */
    void complete(Outcome result) {
        finish(result, false);
    }

    /** The deadline passed: answer DEADLINE_EXCEEDED now, then stop the method and give up its slot. */
    void expire() {
        finish(Outcome.failure(Payloads.deadlineExceeded(name, timeout), ErrorType.DEADLINE_EXCEEDED), true);
    }

    private void finish(Outcome result, boolean stop) {
        Stopped stopped = null;
        boolean sent;
        lock.lock();
        try {
            if (state != QUEUED && state != RUNNING) {
                return;
            }
            endedNanos = group.timing() ? System.nanoTime() : 0;
            outcome = result.error();
            FunctionResponse response = finalResponse(result);
            if (group.batched) {
                state = HELD;
                held = response;
                sent = false;
            } else {
                state = ANSWERED;
                // Sent under the lock so that no partial result can overtake the final one.
                group.send(new ToolResponse(List.of(response)));
                sent = true;
            }
            if (stop) {
                stopped = stopLocked();
            }
        } finally {
            lock.unlock();
        }
        if (stopped != null) {
            stopped.finish();
        }
        group.settled(this, sent);
    }

    /**
     * Cancels the call: no answer will be sent (a held BATCHED answer is withdrawn), the cancelled flag and callbacks
     * fire, and the method's thread is interrupted.
     *
     * @return {@code false} when the call had already been answered or cancelled
     */
    boolean cancel() {
        int previous;
        Stopped stopped;
        lock.lock();
        try {
            if (state != QUEUED && state != RUNNING && state != HELD) {
                return false;
            }
            previous = state;
            state = CANCELLED;
            held = null;
            if (previous != HELD && group.timing()) {
                endedNanos = System.nanoTime();
            }
            stopped = stopLocked();
        } finally {
            lock.unlock();
        }
        stopped.finish();
        group.cancelled(this, previous == HELD);
        return true;
    }

    /** For a BATCHED flush: the held answer, now committed, or {@code null} if the call was cancelled meanwhile. */
    FunctionResponse releaseHeld() {
        lock.lock();
        try {
            if (state != HELD) {
                return null;
            }
            state = ANSWERED;
            FunctionResponse r = held;
            held = null;
            return r;
        } finally {
            lock.unlock();
        }
    }

    ErrorType outcome() {
        return outcome;
    }

    Duration waited() {
        return startedNanos == 0 ? Duration.ZERO : Duration.ofNanos(startedNanos - queuedNanos);
    }

    Duration ran() {
        return startedNanos == 0 || endedNanos == 0 ? Duration.ZERO : Duration.ofNanos(endedNanos - startedNanos);
    }

    /** How long ago the call arrived. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - queuedNanos);
    }

    private FunctionResponse finalResponse(Outcome result) {
        if (!nonBlocking()) {
            return FunctionResponse.of(wireId, name, result.payload());
        }
        Scheduling s = result.scheduling() != null ? result.scheduling() : route.scheduling();
        return new FunctionResponse(wireId, name, result.payload(), s, partialsSent ? Boolean.FALSE : null);
    }

    private boolean nonBlocking() {
        return route != null && route.nonBlocking();
    }

    /** What stopping the method leaves to do once the lock is released. */
    private record Stopped(Call call, List<Runnable> actions, Runnable freeSlot, boolean overran) {
        void finish() {
            call.runAll(actions);
            if (freeSlot != null) {
                freeSlot.run();
            }
            if (overran) {
                call.group.overran(call);
            }
        }
    }

    /**
     * Stops the method, under the lock: the cancelled flag, the thread interrupted, and its slot given up, since a
     * method that ignores the interrupt must not keep later calls waiting for its slot.
     */
    private Stopped stopLocked() {
        cancelled = true;
        List<Runnable> actions = takeCancelActions();
        boolean overran = false;
        if (thread != null) {
            thread.interrupt();
            overran = !overrunning;
            overrunning = true;
        }
        Runnable free = slot;
        slot = null;
        return new Stopped(this, actions, free, overran);
    }

    private List<Runnable> takeCancelActions() {
        List<Runnable> actions = cancelActions;
        cancelActions = null;
        return actions;
    }

    private void runAll(List<Runnable> actions) {
        if (actions == null) {
            return;
        }
        for (Runnable action : actions) {
            runCancelAction(action);
        }
    }

    private void runCancelAction(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("A cancellation callback of {} failed", this, e);
        }
    }

    // ---- ToolContext ----

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String toolName() {
        return name;
    }

    @Override
    public String sessionId() {
        return group.sessionId();
    }

    @Override
    public Instant deadline() {
        Instant d = deadline;
        if (d == null) {
            d = Instant.now().plusNanos(deadlineNanos - System.nanoTime());
            deadline = d;
        }
        return d;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        Objects.requireNonNull(action, "action");
        lock.lock();
        try {
            if (!cancelled) {
                if (cancelActions == null) {
                    cancelActions = new ArrayList<>(2);
                }
                cancelActions.add(action);
                return;
            }
        } finally {
            lock.unlock();
        }
        runCancelAction(action);
    }

    @Override
    public void sendPartial(Object partial) {
        sendPartial(partial, null);
    }

    @Override
    public void sendPartial(Object partial, Scheduling scheduling) {
        if (!nonBlocking()) {
            throw new IllegalStateException(name + " is BLOCKING; only NON_BLOCKING tools can send partial results");
        }
        Scheduling s = scheduling != null ? scheduling : route.scheduling();
        ObjectNode payload = Payloads.output(partial);
        long bytes = ResultSize.over(payload.get("output"), group.maxResultBytes());
        if (bytes >= 0) {
            throw new IllegalArgumentException(name + ": a partial result of " + bytes + " bytes is more than the "
                    + group.maxResultBytes() + " bytes a result may have");
        }
        lock.lock();
        try {
            if (cancelled) {
                return;
            }
            if (state != RUNNING) {
                throw new IllegalStateException("call " + callId + " of " + name
                        + " has already been answered; partial results must come before the final one");
            }
            partialsSent = true;
            group.send(new ToolResponse(List.of(new FunctionResponse(wireId, name, payload, s, Boolean.TRUE))));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "call " + callId + " of " + name;
    }
}
