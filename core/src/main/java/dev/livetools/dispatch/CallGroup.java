package dev.livetools.dispatch;

import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls of one {@code toolCall} message and where their answers go: it sends each answer to the sink (in BATCHED
 * mode all of them together once every call has settled), retires settled calls from the in-flight table and counts
 * them home. Calls report to it; it reports to nobody but the sink and the table.
 */
final class CallGroup {

    final boolean batched;
    private final InFlight flights;
    private final ResponseSink sink;
    private final AtomicInteger pending;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Call[] calls;

    CallGroup(InFlight flights, ResponseSink sink, boolean batched, int size) {
        this.flights = flights;
        this.sink = sink;
        this.batched = batched;
        this.pending = new AtomicInteger(size);
    }

    /** Set once, before any call of the group starts. */
    void calls(Call[] calls) {
        this.calls = calls;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    boolean timing() {
        return flights.timing();
    }

    String sessionId() {
        return flights.sessionId();
    }

    long maxResultBytes() {
        return flights.maxResultBytes();
    }

    void started(Call call) {
        flights.report(call, CallEvent.Kind.STARTED, null);
        if (call.wireId != null) {
            sink.started(call.wireId); // a live session reports STARTED from this
        }
    }

    /** Hands a response to the sink; a failing sink is logged, never thrown into a tool or the dispatcher. */
    void send(ToolResponse response) {
        flights.deliver(sink, response);
    }

    /** The call has its outcome: answered ({@code sent}) or, in BATCHED mode, held for the flush. */
    void settled(Call call, boolean sent) {
        if (sent) {
            flights.retire(call, call.outcome());
        }
        arrived();
    }

    /** The call was cancelled; a held call had already been counted home. */
    void cancelled(Call call, boolean wasHeld) {
        flights.retireCancelled(call);
        if (!wasHeld) {
            arrived();
        }
    }

    /** The call was given up while its method still runs. */
    void overran(Call call) {
        flights.overran(call);
    }

    /** The method of a given-up call has returned at last. */
    void overrunEnded(Call call) {
        flights.overrunEnded(call);
    }

    private void arrived() {
        if (pending.decrementAndGet() == 0) {
            if (batched) {
                flush();
            }
            done.complete(null);
        }
    }

    private void flush() {
        List<FunctionResponse> responses = new ArrayList<>(calls.length);
        List<Call> answered = new ArrayList<>(calls.length);
        for (Call c : calls) {
            FunctionResponse r = c.releaseHeld();
            if (r != null) {
                responses.add(r);
                answered.add(c);
            }
        }
        if (!responses.isEmpty()) {
            send(new ToolResponse(responses));
        }
        for (Call c : answered) {
            flights.retire(c, c.outcome());
        }
    }
}
