package dev.livetools.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.dispatch.CallEvent;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.dispatch.ErrorType;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Between the server's tool calls and the {@link ToolRunner}: owns the {@link CallLedger}, so each call id runs once
 * and is answered once (across reconnects), writes answers when a connection is usable, forwards cancellations and
 * gives up on calls that can no longer be answered, telling the application each time. Every method but the
 * {@link #sink() sink}'s is called with the session lock held; the sink takes it.
 */
final class ToolBridge {

    private static final Logger LOG = LoggerFactory.getLogger(ToolBridge.class);
    /** How many settled calls the ledger remembers, to recognise a repeated announcement. */
    public static final int REMEMBERED_CALLS = 4096;

    private final String name;
    private final ToolRunner runner;
    private final SessionLock lock;
    private final EventHub events;
    private final LiveCodec codec;
    /** The connection answers go to, or {@code null} while none is usable. */
    private final Supplier<Connection> usable;
    private final ResponseSink sink = new Sink();
    // guarded by lock
    private final CallLedger ledger = new CallLedger(REMEMBERED_CALLS);
    private final List<FunctionResponse> unledgered = new ArrayList<>();

    public ToolBridge(String name, ToolRunner runner, SessionLock lock, EventHub events, LiveCodec codec,
                      Supplier<Connection> usable) {
        this.name = name;
        this.runner = runner;
        this.lock = lock;
        this.events = events;
        this.codec = codec;
        this.usable = usable;
    }

    /** Where the runner answers, and where an application's own {@code toolResponse} goes too. */
    public ResponseSink sink() {
        return sink;
    }

    /** Calls announced on {@code on}: the new ones go to the runner, re-announced ones get their answers again. */
    public void announce(Connection on, List<FunctionCall> calls) {
        List<FunctionCall> toRun = new ArrayList<>(calls.size());
        long now = System.nanoTime();
        boolean resend = false;
        for (FunctionCall call : calls) {
            if (call.id() == null) {
                // Without an id the ledger cannot track it; it is run and answered, but not re-sent.
                toRun.add(call);
                emit(CallEvent.Kind.QUEUED, null, call.name(), Duration.ZERO, null, null);
                continue;
            }
            switch (ledger.announce(call, on, now)) {
                case NEW -> {
                    toRun.add(call);
                    emit(CallEvent.Kind.QUEUED, call.id(), call.name(), Duration.ZERO, null, null);
                }
                case DUPLICATE -> LOG.debug("{}: call {} announced twice on {}; runs once", name, call.id(), on);
                case REANNOUNCED -> resend = true;
            }
        }
        if (resend) {
            flush();
        }
        if (!toRun.isEmpty()) {
            ToolCall batch = new ToolCall(toRun);
            lock.afterUnlock(() -> dispatch(batch));
        }
    }

    /**
     * Entries of a {@code toolCall} that could not be read: one with an id is answered INVALID_ARGUMENT by the session
     * itself (through the ledger, like any call, so it is answered once and survives a reconnect); one without an id
     * cannot be answered and is reported as a {@link SessionEvent.MalformedFrame}.
     */
    public void unreadable(Connection on, List<ToolCall.Malformed> malformed) {
        List<FunctionResponse> answers = new ArrayList<>(malformed.size());
        long now = System.nanoTime();
        boolean resend = false;
        for (ToolCall.Malformed bad : malformed) {
            if (bad.id() == null) {
                LOG.warn("{}: a tool call without an id could not be read, so it cannot be answered: {}", name,
                        bad.problem());
                events.emit(new SessionEvent.MalformedFrame(bad.problem() + " (a tool call without an id: it cannot"
                        + " be answered)"));
                continue;
            }
            String callName = bad.name() == null ? "" : bad.name();
            LOG.warn("{}: answering unreadable tool call {} with INVALID_ARGUMENT: {}", name, bad.id(), bad.problem());
            CallLedger.Announcement seen = ledger.announce(new FunctionCall(bad.id(), callName, null), on, now);
            if (seen != CallLedger.Announcement.NEW) {
                // announced again after a resumption: the ledger has queued its answer again, as for any call
                resend |= seen == CallLedger.Announcement.REANNOUNCED;
                continue;
            }
            emit(CallEvent.Kind.QUEUED, bad.id(), callName, Duration.ZERO, null, null);
            answers.add(FunctionResponse.of(bad.id(), callName,
                    ErrorType.INVALID_ARGUMENT.response("the call could not be read: " + bad.problem())));
        }
        if (resend) {
            flush();
        }
        if (!answers.isEmpty()) {
            lock.afterUnlock(() -> sink.send(new ToolResponse(answers)));
        }
    }

    /** {@code toolCallCancellation}: the listed calls stop, and their answers are never sent. */
    public void cancel(List<String> ids) {
        long now = System.nanoTime();
        for (CallLedger.Entry e : ledger.cancel(ids)) {
            emit(CallEvent.Kind.CANCELLED, e.id(), e.name(), since(e, now), null, null);
        }
        if (runner != null) {
            lock.afterUnlock(() -> runner.cancel(ids));
        }
    }

    /** A frame arrived on {@code c}: what was written to it before has been delivered. */
    public void confirm(Connection c) {
        ledger.confirm(c);
    }

    /** {@code c} is gone: what was written to it but not confirmed is sent again on the next connection. */
    public void lost(Connection c) {
        ledger.lost(c);
    }

    /** Writes every answer waiting, in one frame, if a connection is usable. */
    public void flush() {
        Connection c = usable.get();
        if (c == null || (!ledger.hasPending() && unledgered.isEmpty())) {
            return;
        }
        List<FunctionResponse> batch = ledger.drainPending(c);
        batch.addAll(unledgered);
        unledgered.clear();
        if (!c.send(codec.encode(new ToolResponse(batch)))) {
            ledger.lost(c);
        }
    }

    /**
     * Gives up on every call whose answer can no longer reach the model (the session ended, or continues as a new
     * session that never heard of them): reported {@code UNANSWERED}, logged, and cancelled in the runner.
     */
    public void abandon(String reason, boolean cleanClose) {
        List<CallLedger.Entry> abandoned = ledger.abandonOutstanding(cleanClose);
        unledgered.clear();
        if (abandoned.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<String> ids = new ArrayList<>(abandoned.size());
        for (CallLedger.Entry e : abandoned) {
            ids.add(e.id());
            LOG.warn("{}: call {} ({}) could not be answered: {}", name, e.id(), e.name(), reason);
            emit(CallEvent.Kind.UNANSWERED, e.id(), e.name(), since(e, now), reason, null);
        }
        if (runner != null) {
            lock.afterUnlock(() -> runner.cancel(ids));
        }
    }

    private void dispatch(ToolCall batch) {
        if (runner == null) {
            answerWithError(batch, ErrorType.UNAVAILABLE.response("this session has no tools"));
            return;
        }
        try {
            runner.dispatch(batch, sink);
        } catch (RuntimeException e) {
            LOG.warn("{}: the tool runner refused {} call(s): {}", name, batch.functionCalls().size(), e.toString());
            answerWithError(batch, ErrorType.UNAVAILABLE.response("the tool host could not start the call"));
        }
    }

    private void answerWithError(ToolCall batch, com.fasterxml.jackson.databind.node.ObjectNode error) {
        List<FunctionResponse> answers = new ArrayList<>(batch.functionCalls().size());
        for (FunctionCall call : batch.functionCalls()) {
            answers.add(FunctionResponse.of(call.id(), call.name(), error.deepCopy()));
        }
        sink.send(new ToolResponse(answers));
    }

    private void accept(ToolResponse response) {
        long now = System.nanoTime();
        for (FunctionResponse r : response.functionResponses()) {
            if (r.id() == null) {
                unledgered.add(r);
                outcome(r, null, Duration.ZERO);
                continue;
            }
            CallLedger.Entry entry = ledger.get(r.id());
            switch (ledger.accept(r)) {
                case FINAL -> outcome(r, r.id(), since(entry, now));
                case PARTIAL -> emit(CallEvent.Kind.PARTIAL, r.id(), r.name(), since(entry, now), null, r.response());
                case DROPPED -> LOG.debug("{}: dropped the answer to {} call {} ({})", name, r.name(), r.id(),
                        entry.status());
                case UNKNOWN -> {
                    LOG.warn("{}: answer for unknown call id {} ({}) sent as is", name, r.id(), r.name());
                    unledgered.add(r);
                }
            }
        }
        flush();
    }

    private void outcome(FunctionResponse r, String id, Duration elapsed) {
        JsonNode error = r.response().get("error");
        if (error == null) {
            emit(CallEvent.Kind.FINISHED, id, r.name(), elapsed, null, r.response());
            return;
        }
        String detail = error.isTextual() ? error.textValue()
                : error.path("type").asText(error.path("message").asText(error.toString()));
        emit(CallEvent.Kind.FAILED, id, r.name(), elapsed, detail, r.response());
    }

    private void started(String callId) {
        CallLedger.Entry e = callId == null ? null : ledger.get(callId);
        if (e != null && e.status() == CallLedger.Status.RUNNING) {
            emit(CallEvent.Kind.STARTED, e.id(), e.name(), since(e, System.nanoTime()), null, null);
        }
    }

    private void emit(CallEvent.Kind stage, String id, String tool, Duration elapsed, String detail,
                      com.fasterxml.jackson.databind.node.ObjectNode response) {
        events.emit(new SessionEvent.ToolCall(stage, id, tool, elapsed, detail, response));
    }

    private static Duration since(CallLedger.Entry e, long now) {
        return e == null ? Duration.ZERO : Duration.ofNanos(now - e.queuedNanos());
    }

    /** Called from tool threads (and the application): takes the session lock. */
    private final class Sink implements ResponseSink {
        @Override
        public void send(ToolResponse response) {
            events.beginBatch();
            try {
                lock.run(() -> accept(response));
            } finally {
                events.endBatch();
            }
        }

        @Override
        public void started(String callId) {
            lock.run(() -> ToolBridge.this.started(callId));
        }

        /** The ledger is the session's one duplicate-id filter: no call reaches the runner twice. */
        @Override
        public boolean deduplicatesCalls() {
            return true;
        }
    }
}
