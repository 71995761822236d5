package dev.livetools.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A {@link ToolRunner} that runs calls with another runner (the dispatcher) and records each one as the model saw it:
 * name, arguments, outcome and the time from the call's arrival to its answer. Voice uses it for the transcript file,
 * for {@code --timings}, and to know whether NON_BLOCKING calls are still pending before it hangs up.
 */
public final class ToolCallRecorder implements ToolRunner {

    /** How a call ended, as far as the model is concerned. */
    public enum Outcome {
        /** Answered with a result. */
        OK,
        /** A partial result of a NON_BLOCKING call ({@code willContinue:true}); more follows. */
        PARTIAL,
        /** Answered with {@code {"error": ...}}. */
        ERROR,
        /** Cancelled by the model ({@code toolCallCancellation}); never answered. */
        CANCELLED
    }

    /**
     * One answer (or cancellation) of a call.
     *
     * @param elapsed from the call's arrival to this answer
     * @param detail  the error's {@code type: message} for {@link Outcome#ERROR}, else the response JSON
     */
    public record Answer(String callId, String name, ObjectNode args, Outcome outcome, Duration elapsed,
                         String detail) {
        public Answer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** Told about calls as they arrive and are answered; called on dispatcher and tool threads. */
    public interface Listener {
        default void called(FunctionCall call) {
        }

        void answered(Answer answer);
    }

    private record Pending(FunctionCall call, long arrivedNanos) {
    }

    private final ToolRunner delegate;
    private final LongSupplier nanoTime;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile long lastAnswerNanos;

    public ToolCallRecorder(ToolRunner delegate) {
        this(delegate, System::nanoTime);
    }

    ToolCallRecorder(ToolRunner delegate, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.nanoTime = nanoTime;
    }

    public ToolCallRecorder listener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Calls received and not yet finally answered or cancelled (NON_BLOCKING calls between partial and final). */
    public int pendingCalls() {
        return pending.size();
    }

    /** {@link System#nanoTime()} of the latest answer, or 0. */
    public long lastAnswerNanos() {
        return lastAnswerNanos;
    }

    @Override
    public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
        long now = nanoTime.getAsLong();
        for (FunctionCall fc : call.functionCalls()) {
            if (fc.id() != null) {
                pending.putIfAbsent(fc.id(), new Pending(fc, now));
            }
            listeners.forEach(l -> l.called(fc));
        }
        // Forward all of the sink, not only send: started() gives the session its STARTED events, and
        // deduplicatesCalls() tells the dispatcher that the session's ledger already filters repeated ids.
        return delegate.dispatch(call, new ResponseSink() {
            @Override
            public void send(dev.livetools.protocol.ToolResponse response) {
                record(response);
                sink.send(response);
            }

            @Override
            public void started(String callId) {
                sink.started(callId);
            }

            @Override
            public boolean deduplicatesCalls() {
                return sink.deduplicatesCalls();
            }
        });
    }

    @Override
    public Set<String> cancel(Collection<String> ids) {
        Set<String> cancelled = delegate.cancel(ids);
        long now = nanoTime.getAsLong();
        for (String id : ids) {
            Pending p = pending.remove(id);
            if (p != null) {
                lastAnswerNanos = now;
                emit(new Answer(id, p.call().name(), p.call().args(), Outcome.CANCELLED,
                        Duration.ofNanos(now - p.arrivedNanos()), "cancelled by the model"));
            }
        }
        return cancelled;
    }

    @Override
    public void close() {
        delegate.close();
    }

    private void record(ToolResponse response) {
        long now = nanoTime.getAsLong();
        List<Answer> answers = new ArrayList<>();
        for (FunctionResponse r : response.functionResponses()) {
            boolean more = Boolean.TRUE.equals(r.willContinue());
            Pending p = r.id() == null ? null : more ? pending.get(r.id()) : pending.remove(r.id());
            JsonNode error = r.response().get("error");
            Outcome outcome = error != null ? Outcome.ERROR : more ? Outcome.PARTIAL : Outcome.OK;
            String detail = error != null ? describeError(error) : r.response().toString();
            Duration elapsed = p == null ? Duration.ZERO : Duration.ofNanos(now - p.arrivedNanos());
            ObjectNode args = p == null ? null : p.call().args();
            answers.add(new Answer(r.id(), r.name(), args, outcome, elapsed, detail));
        }
        lastAnswerNanos = now;
        answers.forEach(this::emit);
    }

    private void emit(Answer answer) {
        for (Listener l : listeners) {
            try {
                l.answered(answer);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ToolCallRecorder.class).warn("tool call listener failed", e);
            }
        }
    }

    private static String describeError(JsonNode error) {
        if (error.isObject()) {
            String type = error.path("type").asText("");
            String message = error.path("message").asText("");
            return type.isEmpty() ? message : message.isEmpty() ? type : type + ": " + message;
        }
        return error.asText();
    }
}
