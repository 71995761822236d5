package dev.livetools.dispatch;

import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.ToolResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls in flight of one dispatcher: the table cancellation and deadlines look calls up in, the calls given up
 * while their method still runs, and the listener that hears of every step. The end of the one-way path a call
 * takes: calls and groups report here; nothing here calls back into them except to cancel or expire.
 */
final class InFlight {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");

    private static final long STUCK_AFTER_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    // Keyed by the model's id, or by the Call itself when the model gave none: a generated id is only a name for
    // logs and events, so it can never displace (or be cancelled as) a model's call with the same text.
    private final ConcurrentHashMap<Object, Call> active = new ConcurrentHashMap<>();
    /** Given-up calls whose method still runs, with when they were given up. */
    private final ConcurrentHashMap<Call, Long> stuck = new ConcurrentHashMap<>();
    private final Set<Call> warned = ConcurrentHashMap.newKeySet();
    private final DispatchListener listener;
    private final String sessionId;
    private final DeadlineWatch deadlines = DeadlineWatch.SHARED;
    /** Whether the deadline watch has this dispatcher in its list (or queued for it). */
    private final AtomicBoolean enlisted = new AtomicBoolean();
    private volatile boolean closed;
    /** Written and read by the watch thread only (set before the hand-over when enlisting). */
    long lastStuckReport;

    private final long maxResultBytes;

    InFlight(DispatchListener listener, String sessionId, long maxResultBytes) {
        this.listener = listener;
        this.sessionId = sessionId;
        this.maxResultBytes = maxResultBytes;
    }

    /** Whether call durations are needed (only for listener events): saves two clock reads per call otherwise. */
    boolean timing() {
        return listener != null;
    }

    String sessionId() {
        return sessionId;
    }

    long maxResultBytes() {
        return maxResultBytes;
    }

    void add(Call call) {
        active.put(key(call), call);
        deadlines.watch(this);
        report(call, CallEvent.Kind.QUEUED, null);
    }

    void duplicate(FunctionCall fc) {
        LOG.debug("Ignoring a second delivery of call {} ({})", fc.id(), fc.name());
        if (listener != null) {
            event(new CallEvent(CallEvent.Kind.DUPLICATE, fc.id(), fc.name(), sessionId, Duration.ZERO,
                    Duration.ZERO, null));
        }
    }

    void deliver(ResponseSink sink, ToolResponse response) {
        try {
            sink.send(response);
        } catch (RuntimeException e) {
            LOG.error("The response sink failed to take a toolResponse for {}", response.functionResponses().get(0)
                    .name(), e);
        }
    }

    void retire(Call call, ErrorType error) {
        active.remove(key(call), call);
        report(call, error == null ? CallEvent.Kind.FINISHED : CallEvent.Kind.FAILED, error);
    }

    void retireCancelled(Call call) {
        active.remove(key(call), call);
        report(call, CallEvent.Kind.CANCELLED, null);
    }

    private static Object key(Call call) {
        return call.wireId != null ? call.wireId : call;
    }

    void overran(Call call) {
        stuck.put(call, System.nanoTime());
        if (!call.overrunning()) {
            // The method returned between being stopped and this report (a method that honours the interrupt
            // does at once), and its end was reported first: without this the call would be "stuck" for ever.
            overrunEnded(call);
            return;
        }
        deadlines.watch(this);
    }

    void overrunEnded(Call call) {
        stuck.remove(call);
        warned.remove(call);
    }

    /** Cancels the given ids; the ones that were in flight. */
    Set<String> cancel(Collection<String> ids) {
        Set<String> cancelled = new LinkedHashSet<>();
        for (String id : ids) {
            Call call = id == null ? null : active.get(id);
            if (call != null && call.cancel()) {
                cancelled.add(id);
            }
        }
        return cancelled;
    }

    /** Cancels every call; the deadline watch then lets go of this dispatcher. */
    void close() {
        closed = true;
        for (Call call : active.values()) {
            call.cancel();
        }
    }

    /** True if the caller must hand this dispatcher to the deadline watch (it was not watched). */
    boolean enlist() {
        if (enlisted.get() || !enlisted.compareAndSet(false, true)) {
            return false;
        }
        lastStuckReport = System.nanoTime();
        return true;
    }

    /** Run by the deadline watch every tick. */
    void expireOverdue(long now) {
        for (Call call : active.values()) {
            if (now - call.deadlineNanos >= 0) {
                call.expire();
            }
        }
    }

    boolean hasStuck() {
        return !stuck.isEmpty();
    }

    /**
     * Run by the deadline watch after each tick: whether it keeps this dispatcher. It lets go once nothing is in
     * flight or stuck (or the dispatcher closed); a call added meanwhile either is seen by the second look or finds
     * {@code enlisted} false and enlists again, so no call goes unwatched.
     */
    boolean stayWatched() {
        if (!closed && (!active.isEmpty() || !stuck.isEmpty())) {
            return true;
        }
        enlisted.set(false);
        if (closed || active.isEmpty() && stuck.isEmpty()) {
            return false;
        }
        // Work arrived between the looks: keep watching, unless its caller already enlisted us again.
        return enlisted.compareAndSet(false, true);
    }

    void report(Call call, CallEvent.Kind kind, ErrorType error) {
        if (listener == null) {
            return;
        }
        Duration waited = kind == CallEvent.Kind.QUEUED ? Duration.ZERO : call.waited();
        Duration ran = kind == CallEvent.Kind.QUEUED || kind == CallEvent.Kind.STARTED ? Duration.ZERO : call.ran();
        event(new CallEvent(kind, call.callId, call.name, sessionId, waited, ran, error));
    }

    /** Run by the deadline watch about once a second while some given-up call still runs. */
    void reportStuck() {
        long now = System.nanoTime();
        List<Call> calls = new ArrayList<>();
        // A method that honours the interrupt returns within moments; only the ones that did not are stuck.
        stuck.forEach((call, since) -> {
            if (now - since >= STUCK_AFTER_NANOS) {
                calls.add(call);
            }
        });
        if (calls.isEmpty()) {
            return;
        }
        calls.sort(Comparator.comparingLong(c -> c.queuedNanos));
        List<StuckCall> report = new ArrayList<>(calls.size());
        for (Call c : calls) {
            report.add(new StuckCall(c.callId, c.name, c.age()));
            if (warned.add(c)) {
                LOG.warn("{} is still running {} after it arrived, although it was answered or cancelled: its "
                        + "method ignores interrupts; its slot went to later calls", c,
                        DurationWords.of(c.age()));
            }
        }
        if (listener != null) {
            try {
                listener.onStuckCalls(List.copyOf(report));
            } catch (RuntimeException e) {
                LOG.warn("The dispatch listener failed on {} stuck calls", report.size(), e);
            }
        }
    }

    private void event(CallEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("The dispatch listener failed on {}", event, e);
        }
    }
}
