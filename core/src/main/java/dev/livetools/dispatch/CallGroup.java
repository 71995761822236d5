package dev.livetools.dispatch.internal;

import dev.livetools.dispatch.ResponseSink;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The calls of one {@code toolCall} message: counts them home, and in BATCHED mode sends their answers together. */
final class CallGroup {

    final boolean batched;
    private final DispatchEngine engine;
    private final ResponseSink sink;
    private final AtomicInteger pending;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Call[] calls;

    CallGroup(DispatchEngine engine, ResponseSink sink, boolean batched, int size) {
        this.engine = engine;
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

    void send(FunctionResponse response) {
        deliver(new ToolResponse(List.of(response)));
    }

    void deliver(ToolResponse response) {
        engine.deliver(sink, response);
    }

    /** One call is answered (or held, or cancelled). */
    void arrived() {
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
            deliver(new ToolResponse(responses));
        }
        for (Call c : answered) {
            engine.retire(c, c.outcome());
        }
    }
}
