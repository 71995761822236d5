package dev.livetools.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.AudioTranscriptionConfig;
import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.ClientMessage;
import dev.livetools.protocol.ContextWindowCompression;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.GoAway;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.RealtimeInput;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SessionResumptionConfig;
import dev.livetools.protocol.SessionResumptionUpdate;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.protocol.Transcription;
import dev.livetools.session.internal.CallLedger;
import dev.livetools.session.internal.CloseCodes;
import dev.livetools.session.internal.Connection;
import dev.livetools.session.internal.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A conversation with a Gemini Live model over one or more WebSocket connections, with tools.
 *
 * <pre>{@code
 * try (LiveSession session = LiveSession.builder(LiveEndpoint.geminiApi(key))
 *         .model("gemini-3.8-live")
 *         .tools(catalog.declarations(), dispatcher)
 *         .listener(event -> { if (event instanceof SessionEvent.Text t) System.out.print(t.text()); })
 *         .connect()) {
 *     session.sendText("Turn on the kitchen light");
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link Builder#connect()} sends {@code setup} and returns once {@code setupComplete} arrives. Frames are read as
 * JSON from binary and text frames; a frame that cannot be decoded is logged, reported as
 * {@link SessionEvent.MalformedFrame} and skipped. Tool calls ({@code toolCall}, and {@code functionCall} parts
 * deduplicated by id) go to the {@link ToolRunner} without blocking the read thread; their responses come back from
 * tool threads and are written as {@code toolResponse}; {@code toolCallCancellation} cancels them.
 *
 * <p>Session resumption is on by default. On {@code goAway} a replacement connection is opened with the latest
 * resumption handle while the old one still works, and the session switches over when it is ready. An unexpected
 * drop is followed by reconnects with backoff and the handle. A call ledger makes sure that no call runs twice, that
 * an answer finished while disconnected (or written to a connection that dropped before the server sent anything
 * else) is sent after resumption, and that the application is told ({@link SessionEvent.ToolStage#UNANSWERED}) about
 * any call that could not be answered.
 *
 * <p>All send methods are thread-safe. While reconnecting, turns and realtime text are queued and sent after
 * resumption; audio and video are dropped (stale media would confuse the model).
 */
public final class LiveSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    private static final int MAX_QUEUED_MESSAGES = 256;
    private static final AtomicInteger SESSION_NUMBERS = new AtomicInteger();

    private final LiveEndpoint endpoint;
    private final Setup setup;
    private final boolean resumptionEnabled;
    private final ToolRunner runner;
    private final Duration setupTimeout;
    private final Duration connectTimeout;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxReconnectAttempts;
    private final LiveCodec codec = new LiveCodec();
    private final EventHub events;
    private final ScheduledExecutorService timer;
    private final String name;

    private final ReentrantLock lock = new ReentrantLock();
    // --- guarded by lock
    private final CallLedger ledger = new CallLedger(4096);
    private final List<String> queuedMessages = new ArrayList<>();
    private final List<FunctionResponse> unledgeredResponses = new ArrayList<>();
    private ConnectionState state = ConnectionState.CONNECTING;
    private Connection active;
    private Connection replacement;
    private boolean everConnected;
    private boolean closed;
    private String resumptionHandle;
    private String sessionId;
    private int connectionNumbers;
    private int reconnectAttempt;
    private String lastCloseText = "";
    private ScheduledFuture<?> pendingTimer;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private LiveSession(Builder b, Setup setup) {
        this.endpoint = b.endpoint;
        this.setup = setup;
        this.resumptionEnabled = b.sessionResumption;
        this.runner = b.runner;
        this.setupTimeout = b.setupTimeout;
        this.connectTimeout = b.connectTimeout;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxReconnectAttempts = b.maxReconnectAttempts;
        this.resumptionHandle = b.resumeHandle;
        this.name = "livetools-session-" + SESSION_NUMBERS.incrementAndGet();
        this.events = new EventHub(name + "-events");
        b.listeners.forEach(events::addListener);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(LiveEndpoint endpoint) {
        return new Builder(endpoint);
    }

    // ================================================================== public API

    /** The session's events, in order; subscribe early to see them all. Completes when the session closes. */
    public Flow.Publisher<SessionEvent> events() {
        return events.publisher();
    }

    /** Adds a listener; it sees events from now on. */
    public void addListener(LiveSessionListener listener) {
        events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    public ConnectionState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** The latest resumable handle the server gave, if any. */
    public Optional<String> resumptionHandle() {
        lock.lock();
        try {
            return Optional.ofNullable(resumptionHandle);
        } finally {
            lock.unlock();
        }
    }

    /** The session id from {@code setupComplete} (Vertex AI sends one; the Gemini API does not). */
    public Optional<String> sessionId() {
        lock.lock();
        try {
            return Optional.ofNullable(sessionId);
        } finally {
            lock.unlock();
        }
    }

    /** The {@code setup} this session sends (a reconnect sends it with the resumption handle). */
    public Setup setup() {
        return setup;
    }

    /** Completes when the session has closed, by {@link #close()} or because it could not continue. */
    public CompletableFuture<Void> closed() {
        return terminated.copy();
    }

    /** A user turn the model answers now ({@code clientContent} with {@code turnComplete:true}). */
    public void sendText(String text) {
        send(ClientContent.userTurn(text));
    }

    /** Text on the realtime stream ({@code realtimeInput.text}), as if spoken. */
    public void sendRealtimeText(String text) {
        send(RealtimeInput.text(text));
    }

    /** A chunk of microphone audio: 16-bit signed little-endian mono PCM at 16 kHz. */
    public void sendAudio(byte[] pcm16kHz) {
        send(RealtimeInput.audio(pcm16kHz));
    }

    /** One JPEG video frame (about one per second is what the service takes). */
    public void sendVideoFrame(byte[] jpeg) {
        send(RealtimeInput.jpegFrame(jpeg));
    }

    /** Marks the start of user activity (only with automatic activity detection disabled). */
    public void activityStart() {
        send(RealtimeInput.startOfActivity());
    }

    public void activityEnd() {
        send(RealtimeInput.endOfActivity());
    }

    /** The microphone was closed. */
    public void audioStreamEnd() {
        send(RealtimeInput.endOfAudioStream());
    }

    /**
     * Sends a client message. {@code setup} is the session's own business and is refused; a {@link ToolResponse} goes
     * through the call ledger like a runner's answer.
     *
     * @throws IllegalStateException when the session is closed
     */
    public void send(ClientMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof Setup) {
            throw new IllegalArgumentException("setup is sent by the session itself; configure it on the builder");
        }
        if (message instanceof ToolResponse response) {
            onToolResponse(response);
            return;
        }
        String json = codec.encode(message);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            if (usable(active) && active.send(json)) {
                return;
            }
            if (isMedia(message)) {
                LOG.debug("{}: not connected, dropped a {} chunk", name, message.kind());
            } else if (queuedMessages.size() < MAX_QUEUED_MESSAGES) {
                queuedMessages.add(json);
            } else {
                LOG.warn("{}: not connected and {} messages already queued; dropped a {}", name,
                        MAX_QUEUED_MESSAGES, message.kind());
            }
        } finally {
            lock.unlock();
        }
    }

    private static boolean isMedia(ClientMessage message) {
        return message instanceof RealtimeInput r && (r.audio() != null || r.video() != null
                || r.mediaChunks() != null);
    }

    /**
     * Closes the session (close code 1000). Calls still running are cancelled and reported as
     * {@link SessionEvent.ToolStage#UNANSWERED}; events already queued are still delivered.
     */
    @Override
    public void close() {
        terminate(null, "closed by the application");
    }

    // ================================================================== connecting

    private void connectInitial() {
        Connection c;
        try {
            c = openFirstConnection();
        } catch (RuntimeException e) {
            // e.g. the Vertex token supplier failed
            terminate(null, "could not prepare the connection: " + e.getMessage());
            throw new LiveSessionException("could not prepare a connection to " + endpoint.displayUri(), e);
        }
        events.emit(new SessionEvent.Connection(ConnectionState.CONNECTING, endpoint.displayUri()));
        c.open();
        try {
            ready.get(setupTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LiveSessionException failure = new LiveSessionException("no setupComplete from " + endpoint.displayUri()
                    + " within " + setupTimeout.toMillis() + " ms", LiveSessionException.NO_CLOSE_CODE, "");
            terminate(failure, failure.getMessage());
            throw failure;
        } catch (ExecutionException e) {
            terminate(null, e.getCause().getMessage());
            throw (e.getCause() instanceof LiveSessionException l) ? l
                    : new LiveSessionException("could not open a Live session", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate(null, "interrupted while connecting");
            throw new LiveSessionException("interrupted while connecting to " + endpoint.displayUri(), e);
        }
    }

    private Connection openFirstConnection() {
        lock.lock();
        try {
            active = newConnection(resumptionHandle);
            return active;
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by lock. */
    private Connection newConnection(String handle) {
        Setup s = handle != null ? setup.resuming(handle) : setup;
        return new Connection(++connectionNumbers, endpoint.connectUri(), endpoint.displayUri(),
                endpoint.handshakeHeaders(), codec.encode(s), handle != null, codec, new Handler(),
                (int) connectTimeout.toMillis());
    }

    private boolean usable(Connection c) {
        return c != null && c.isSetupComplete() && !c.isClosed();
    }

    private final class Handler implements Connection.Handler {
        @Override
        public void onFrame(Connection connection, ServerMessage message) {
            LiveSession.this.onFrame(connection, message);
        }

        @Override
        public void onMalformed(Connection connection, ProtocolException problem) {
            LOG.warn("{}: skipped a malformed frame on {}: {}", name, connection, problem.getMessage());
            events.emit(new SessionEvent.MalformedFrame(problem.getMessage()));
        }

        @Override
        public void onClosed(Connection connection, int code, String reason, boolean byServer) {
            LiveSession.this.onClosed(connection, code, reason);
        }
    }

    // ================================================================== inbound frames

    private void onFrame(Connection c, ServerMessage m) {
        List<Runnable> after = new ArrayList<>(2);
        events.beginBatch();
        try {
            lock.lock();
            try {
                onFrameLocked(c, m, after);
            } finally {
                lock.unlock();
            }
            after.forEach(Runnable::run);
        } finally {
            events.endBatch();
        }
    }

    /** Guarded by lock. */
    private void onFrameLocked(Connection c, ServerMessage m, List<Runnable> after) {
        if (closed || (c != active && c != replacement)) {
            LOG.debug("{}: ignored a frame from retired {}", name, c);
            return;
        }
        ledger.confirm(c);
        if (m.setupComplete() != null && !c.isSetupComplete()) {
            onSetupComplete(c, m, after);
        }
        if (!c.isSetupComplete()) {
            LOG.warn("{}: ignored {} before setupComplete on {}", name, m.kinds(), c);
            return;
        }
        if (m.sessionResumptionUpdate() != null) {
            onResumptionUpdate(m.sessionResumptionUpdate());
        }
        if (m.serverContent() != null) {
            onServerContent(c, m.serverContent(), after);
        }
        if (m.toolCall() != null) {
            onCalls(c, m.toolCall().functionCalls(), after);
            onMalformedCalls(c, m.toolCall().malformed(), after);
        }
        if (m.toolCallCancellation() != null) {
            onCancellation(m.toolCallCancellation().ids(), after);
        }
        if (m.voiceActivity() != null) {
            events.emit(new SessionEvent.VoiceActivity(m.voiceActivity().type()));
        }
        if (m.voiceActivityDetectionSignal() != null) {
            events.emit(new SessionEvent.VoiceActivity(m.voiceActivityDetectionSignal().vadSignalType()));
        }
        if (m.usageMetadata() != null) {
            events.emit(new SessionEvent.Usage(m.usageMetadata()));
        }
        if (!m.unknown().isEmpty()) {
            LOG.debug("{}: ignored unknown message kinds {}", name, m.unknown().keySet());
        }
        if (m.goAway() != null) {
            onGoAway(c, m.goAway(), after);
        }
    }

    /** Guarded by lock. */
    private void onSetupComplete(Connection c, ServerMessage m, List<Runnable> after) {
        c.markSetupComplete();
        if (m.setupComplete().sessionId() != null) {
            sessionId = m.setupComplete().sessionId();
        }
        cancelTimer();
        reconnectAttempt = 0;
        if (c == replacement) {
            Connection old = active;
            active = c;
            replacement = null;
            if (old != null) {
                ledger.lost(old);
                after.add(() -> old.close(1000, "handed over to a new connection"));
            }
        }
        boolean first = !everConnected;
        boolean resumed = !first && c.resumes();
        everConnected = true;
        state = ConnectionState.CONNECTED;
        events.emit(new SessionEvent.Connection(resumed ? ConnectionState.RESUMED : ConnectionState.CONNECTED,
                c + (first ? "" : resumed ? " resumed the session" : " started a new session")));
        flushResponses();
        flushQueuedMessages();
        if (first) {
            after.add(() -> ready.complete(null));
        }
    }

    /** Guarded by lock. */
    private void onResumptionUpdate(SessionResumptionUpdate u) {
        if (u.hasUsableHandle()) {
            resumptionHandle = u.newHandle();
        }
    }

    /** Guarded by lock. */
    private void onServerContent(Connection c, ServerContent content, List<Runnable> after) {
        List<FunctionCall> partCalls = null;
        for (Part p : content.parts()) {
            if (p.text() != null) {
                events.emit(new SessionEvent.Text(p.text(), p.isThought()));
            }
            if (p.inlineData() != null && p.inlineData().mimeType() != null
                    && p.inlineData().mimeType().startsWith("audio/")) {
                events.emit(new SessionEvent.Audio(p.inlineData()));
            }
            if (p.functionCall() != null) {
                if (p.functionCall().id() == null) {
                    LOG.debug("{}: functionCall part without id left to the toolCall message", name);
                } else {
                    (partCalls == null ? partCalls = new ArrayList<>() : partCalls).add(p.functionCall());
                }
            }
        }
        if (partCalls != null) {
            onCalls(c, partCalls, after);
        }
        transcript(SessionEvent.Direction.INPUT, content.inputTranscription());
        transcript(SessionEvent.Direction.OUTPUT, content.outputTranscription());
        if (content.interrupted()) {
            events.emit(new SessionEvent.Interrupted());
        }
        if (content.generationComplete()) {
            events.emit(new SessionEvent.GenerationComplete());
        }
        if (content.turnComplete()) {
            events.emit(new SessionEvent.TurnComplete(content.turnCompleteReason(), content.waitingForInput()));
        }
    }

    private void transcript(SessionEvent.Direction direction, Transcription t) {
        if (t != null && (t.text() != null || t.isFinished())) {
            events.emit(new SessionEvent.Transcript(direction, t.textOrEmpty(), t.isFinished()));
        }
    }

    // ================================================================== tools

    /** Guarded by lock. */
    private void onCalls(Connection c, List<FunctionCall> calls, List<Runnable> after) {
        List<FunctionCall> toRun = new ArrayList<>(calls.size());
        long now = System.nanoTime();
        boolean resend = false;
        for (FunctionCall call : calls) {
            if (call.id() == null) {
                // Without an id the ledger cannot track it; it is run and answered, but not re-sent.
                toRun.add(call);
                events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.QUEUED, null, call.name(),
                        Duration.ZERO, null));
                continue;
            }
            switch (ledger.announce(call, c, now)) {
                case NEW -> {
                    toRun.add(call);
                    events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.QUEUED, call.id(), call.name(),
                            Duration.ZERO, null));
                }
                case DUPLICATE -> LOG.debug("{}: call {} announced twice on {}; runs once", name, call.id(), c);
                case REANNOUNCED -> resend = true;
            }
        }
        if (resend) {
            flushResponses();
        }
        if (!toRun.isEmpty()) {
            ToolCall batch = new ToolCall(toRun);
            after.add(() -> dispatch(batch));
        }
    }

    /**
     * Guarded by lock. Entries of a toolCall that could not be read as calls: one with an id is answered
     * INVALID_ARGUMENT by the session itself (through the ledger, like any call, so it is answered once and survives a
     * reconnect); one without an id cannot be answered and is reported as a {@link SessionEvent.MalformedFrame}.
     */
    private void onMalformedCalls(Connection c, List<ToolCall.Malformed> malformed, List<Runnable> after) {
        List<FunctionResponse> answers = new ArrayList<>(0);
        long now = System.nanoTime();
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
            if (ledger.announce(new FunctionCall(bad.id(), callName, null), c, now)
                    != CallLedger.Announcement.NEW) {
                continue;
            }
            events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.QUEUED, bad.id(), callName, Duration.ZERO,
                    null));
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.putObject("error").put("type", "INVALID_ARGUMENT")
                    .put("message", "the call could not be read: " + bad.problem());
            answers.add(FunctionResponse.of(bad.id(), callName, error));
        }
        if (!answers.isEmpty()) {
            after.add(() -> onToolResponse(new ToolResponse(answers)));
        }
    }

    private void dispatch(ToolCall batch) {
        if (runner == null) {
            answerWithError(batch, "UNAVAILABLE", "this session has no tools");
            return;
        }
        try {
            runner.dispatch(batch, this::onToolResponse);
        } catch (RuntimeException e) {
            LOG.warn("{}: the tool runner refused {} call(s): {}", name, batch.functionCalls().size(), e.toString());
            answerWithError(batch, "UNAVAILABLE", "the tool host could not start the call");
        }
    }

    private void answerWithError(ToolCall batch, String type, String message) {
        List<FunctionResponse> answers = new ArrayList<>();
        for (FunctionCall call : batch.functionCalls()) {
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.putObject("error").put("type", type).put("message", message);
            answers.add(FunctionResponse.of(call.id(), call.name(), error));
        }
        onToolResponse(new ToolResponse(answers));
    }

    /** A response from a tool thread (or the application). */
    private void onToolResponse(ToolResponse response) {
        events.beginBatch();
        lock.lock();
        try {
            long now = System.nanoTime();
            for (FunctionResponse r : response.functionResponses()) {
                if (r.id() == null) {
                    unledgeredResponses.add(r);
                    emitOutcome(r, null, Duration.ZERO);
                    continue;
                }
                CallLedger.Entry entry = ledger.get(r.id());
                switch (ledger.accept(r)) {
                    case FINAL -> emitOutcome(r, r.id(), Duration.ofNanos(now - entry.queuedNanos()));
                    case PARTIAL -> { }
                    case DROPPED -> LOG.debug("{}: dropped the answer to {} call {} ({})", name, r.name(), r.id(),
                            entry.status());
                    case UNKNOWN -> {
                        LOG.warn("{}: answer for unknown call id {} ({}) sent as is", name, r.id(), r.name());
                        unledgeredResponses.add(r);
                    }
                }
            }
            flushResponses();
        } finally {
            lock.unlock();
            events.endBatch();
        }
    }

    private void emitOutcome(FunctionResponse r, String id, Duration elapsed) {
        var error = r.response().get("error");
        if (error != null) {
            String detail = error.isTextual() ? error.textValue()
                    : error.path("type").asText(error.path("message").asText(error.toString()));
            events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.FAILED, id, r.name(), elapsed, detail));
        } else {
            events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.FINISHED, id, r.name(), elapsed, null));
        }
    }

    /** Guarded by lock. Writes every answer waiting, in one frame, if the active connection is usable. */
    private void flushResponses() {
        if (!usable(active) || (!ledger.hasPending() && unledgeredResponses.isEmpty())) {
            return;
        }
        List<FunctionResponse> batch = ledger.drainPending(active);
        batch.addAll(unledgeredResponses);
        unledgeredResponses.clear();
        if (!active.send(codec.encode(new ToolResponse(batch)))) {
            ledger.lost(active);
        }
    }

    /** Guarded by lock. */
    private void flushQueuedMessages() {
        while (!queuedMessages.isEmpty() && usable(active)) {
            if (!active.send(queuedMessages.get(0))) {
                return;
            }
            queuedMessages.remove(0);
        }
    }

    /** Guarded by lock. */
    private void onCancellation(List<String> ids, List<Runnable> after) {
        long now = System.nanoTime();
        for (CallLedger.Entry e : ledger.cancel(ids)) {
            events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.CANCELLED, e.id(), e.name(),
                    Duration.ofNanos(now - e.queuedNanos()), null));
        }
        if (runner != null) {
            after.add(() -> runner.cancel(ids));
        }
    }

    /** The runner reports that a call began running. */
    private void onToolStarted(String callId) {
        lock.lock();
        try {
            CallLedger.Entry e = callId == null ? null : ledger.get(callId);
            if (e != null && e.status() == CallLedger.Status.RUNNING) {
                events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.STARTED, e.id(), e.name(),
                        Duration.ofNanos(System.nanoTime() - e.queuedNanos()), null));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by lock. Tells the application about calls that can no longer be answered, and stops them. */
    private void abandonOutstanding(String reason, boolean cleanClose, List<Runnable> after) {
        List<CallLedger.Entry> abandoned = ledger.abandonOutstanding(cleanClose);
        if (abandoned.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (CallLedger.Entry e : abandoned) {
            ids.add(e.id());
            LOG.warn("{}: call {} ({}) could not be answered: {}", name, e.id(), e.name(), reason);
            events.emit(new SessionEvent.ToolCall(SessionEvent.ToolStage.UNANSWERED, e.id(), e.name(),
                    Duration.ofNanos(now - e.queuedNanos()), reason));
        }
        unledgeredResponses.clear();
        if (runner != null) {
            after.add(() -> runner.cancel(ids));
        }
    }

    // ================================================================== goAway, drops, reconnects

    /** Guarded by lock. */
    private void onGoAway(Connection c, GoAway goAway, List<Runnable> after) {
        if (c != active || replacement != null) {
            return;
        }
        String left = goAway.timeLeft() == null ? "unknown time" : goAway.timeLeft().toMillis() + " ms";
        state = ConnectionState.HANDING_OVER;
        events.emit(new SessionEvent.Connection(ConnectionState.HANDING_OVER, "goAway from " + c + ", " + left
                + " left"));
        openReplacement(after);
    }

    /** Guarded by lock. Opens the next connection while {@code active} may still be working. */
    private void openReplacement(List<Runnable> after) {
        String handle = resumptionEnabled ? resumptionHandle : null;
        if (handle == null) {
            abandonOutstanding("the server ended the connection and gave no resumption handle", false, after);
        }
        Connection next;
        try {
            next = newConnection(handle);
        } catch (RuntimeException e) {
            // e.g. the Vertex token supplier failed: handled like a failed attempt
            LOG.warn("{}: could not prepare a new connection: {}", name, e.toString());
            after.add(() -> onClosed(null, LiveSessionException.NO_CLOSE_CODE, e.getMessage()));
            return;
        }
        replacement = next;
        after.add(next::open);
        scheduleTimer(() -> setupTimedOut(next), setupTimeout);
    }

    private void setupTimedOut(Connection c) {
        if (!c.isSetupComplete()) {
            LOG.warn("{}: no setupComplete on {} within {} ms", name, c, setupTimeout.toMillis());
            c.abort();
        }
    }

    private void onClosed(Connection c, int code, String reason) {
        List<Runnable> after = new ArrayList<>(2);
        lock.lock();
        try {
            onClosedLocked(c, code, reason, after);
        } finally {
            lock.unlock();
        }
        after.forEach(Runnable::run);
    }

    /** Guarded by lock. */
    private void onClosedLocked(Connection c, int code, String reason, List<Runnable> after) {
        if (closed) {
            return;
        }
        String text = CloseCodes.explain(code, reason);
        if (c != null) {
            lastCloseText = text;
        }
        if (c != null && c == active) {
            ledger.lost(c);
            if (!everConnected) {
                LiveSessionException failure = new LiveSessionException("the server closed the connection to "
                        + endpoint.displayUri() + " before setupComplete: " + text, code, reason);
                after.add(() -> ready.completeExceptionally(failure));
                return;
            }
            active = null;
            LOG.info("{}: {} closed: {}", name, c, text);
            if (replacement != null) {
                return; // the replacement takes over when its setupComplete arrives
            }
        } else if (c == null || c == replacement) {
            replacement = null;
            LOG.info("{}: replacement {} failed: {}", name, c == null ? "connection" : c, text);
            if (usable(active)) {
                // The old connection still works: try again before it goes.
                retryLater(code, reason, after, true);
                return;
            }
            active = null;
        } else {
            return; // a retired connection
        }
        retryLater(code, reason, after, false);
    }

    /** Guarded by lock. */
    private void retryLater(int code, String reason, List<Runnable> after, boolean handover) {
        if (CloseCodes.staleHandle(code, reason)) {
            resumptionHandle = null;
        } else if (!CloseCodes.retryable(code, reason) || !resumptionEnabled) {
            String why = resumptionEnabled ? "" : " (session resumption is off, so the session cannot continue)";
            after.add(() -> terminate(new LiveSessionException(CloseCodes.explain(code, reason) + why, code, reason),
                    CloseCodes.explain(code, reason) + why));
            return;
        }
        if (++reconnectAttempt > maxReconnectAttempts) {
            String why = "gave up after " + maxReconnectAttempts + " reconnect attempts; last: " + lastCloseText;
            after.add(() -> terminate(new LiveSessionException(why, code, reason), why));
            return;
        }
        if (!handover) {
            state = ConnectionState.RECONNECTING;
        }
        Duration delay = backoff(reconnectAttempt);
        events.emit(new SessionEvent.Connection(handover ? ConnectionState.HANDING_OVER : ConnectionState.RECONNECTING,
                "attempt " + reconnectAttempt + " of " + maxReconnectAttempts + " in " + delay.toMillis() + " ms after "
                        + lastCloseText));
        scheduleTimer(this::reconnectNow, delay);
    }

    private void reconnectNow() {
        List<Runnable> after = new ArrayList<>(2);
        lock.lock();
        try {
            if (closed || replacement != null) {
                return;
            }
            openReplacement(after);
        } finally {
            lock.unlock();
        }
        after.forEach(Runnable::run);
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        // +-20% jitter so many clients dropped together do not reconnect in lockstep
        long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(0, capped + jitter));
    }

    /** Guarded by lock. */
    private void scheduleTimer(Runnable task, Duration delay) {
        cancelTimer();
        try {
            pendingTimer = timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: timer already stopped", name);
        }
    }

    /** Guarded by lock. */
    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }

    private void terminate(LiveSessionException failure, String reason) {
        List<Runnable> after = new ArrayList<>(4);
        Connection a;
        Connection r;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            state = ConnectionState.CLOSED;
            cancelTimer();
            abandonOutstanding("the session ended: " + reason, failure == null && usable(active), after);
            queuedMessages.clear();
            a = active;
            r = replacement;
            active = null;
            replacement = null;
            events.emit(new SessionEvent.Connection(ConnectionState.CLOSED, reason));
        } finally {
            lock.unlock();
        }
        after.forEach(Runnable::run);
        for (Connection c : new Connection[]{a, r}) {
            if (c != null && !c.isClosed()) {
                c.close(1000, "Client closing");
            }
        }
        if (failure != null) {
            LOG.warn("{}: {}", name, failure.getMessage());
            ready.completeExceptionally(failure);
        } else {
            ready.completeExceptionally(new LiveSessionException(reason, LiveSessionException.NO_CLOSE_CODE, ""));
        }
        timer.shutdownNow();
        events.close();
        terminated.complete(null);
    }

    // ================================================================== builder

    /**
     * Configures and opens a {@link LiveSession}. Defaults: session resumption on, setup timeout 15 s, reconnect with
     * backoff from 250 ms to 8 s, at most 8 attempts in a row.
     */
    public static final class Builder {
        private final LiveEndpoint endpoint;
        private String model;
        private Setup customSetup;
        private String systemInstruction;
        private String responseModality;
        private String voice;
        private List<FunctionDeclaration> declarations = List.of();
        private ToolRunner runner;
        private boolean sessionResumption = true;
        private String resumeHandle;
        private ContextWindowCompression compression;
        private boolean inputTranscription;
        private boolean outputTranscription;
        private UnaryOperator<Setup.Builder> setupCustomizer = UnaryOperator.identity();
        private Duration setupTimeout = Duration.ofSeconds(15);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration initialBackoff = Duration.ofMillis(250);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private int maxReconnectAttempts = 8;
        private final List<LiveSessionListener> listeners = new ArrayList<>();
        private final AtomicReference<LiveSession> built = new AtomicReference<>();

        private Builder(LiveEndpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /** The model id ({@code gemini-3.8-live}) or full name; the endpoint qualifies a bare id. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * A complete {@code setup} to send instead of the one the other builder methods describe (its
         * {@code sessionResumption} is still managed by the session).
         */
        public Builder setup(Setup setup) {
            this.customSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        public Builder systemInstruction(String text) {
            this.systemInstruction = text;
            return this;
        }

        /** {@code TEXT} or {@code AUDIO} (native-audio and 3.8 models answer in AUDIO only). */
        public Builder responseModality(String modality) {
            if (modality != null && !modality.equals("TEXT") && !modality.equals("AUDIO")) {
                throw new IllegalArgumentException("responseModality must be TEXT or AUDIO, got " + modality);
            }
            this.responseModality = modality;
            return this;
        }

        /** A prebuilt voice name such as {@code Kore}. */
        public Builder voice(String voiceName) {
            this.voice = voiceName;
            return this;
        }

        /** Declares {@code declarations} to the model and runs its calls with {@code runner}. */
        public Builder tools(List<FunctionDeclaration> declarations, ToolRunner runner) {
            this.declarations = List.copyOf(declarations);
            this.runner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** Session resumption (on by default): needed to survive goAway and drops. */
        public Builder sessionResumption(boolean enabled) {
            this.sessionResumption = enabled;
            return this;
        }

        /** Resume an earlier session (handles stay valid about 2 hours after it ended). */
        public Builder resumeFrom(String handle) {
            this.resumeHandle = handle;
            return this;
        }

        /** Context-window compression, for sessions longer than the 15-minute (audio) limit. */
        public Builder contextWindowCompression(ContextWindowCompression compression) {
            this.compression = compression;
            return this;
        }

        public Builder inputTranscription(boolean enabled) {
            this.inputTranscription = enabled;
            return this;
        }

        /** Transcripts of the model's audio, as {@link SessionEvent.Transcript} events. */
        public Builder outputTranscription(boolean enabled) {
            this.outputTranscription = enabled;
            return this;
        }

        /** Adjusts the generated {@code setup} (fields the builder has no method for). */
        public Builder customizeSetup(UnaryOperator<Setup.Builder> customizer) {
            this.setupCustomizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        public Builder setupTimeout(Duration timeout) {
            this.setupTimeout = positive(timeout, "setupTimeout");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** Reconnect backoff: doubling from {@code initial} up to {@code max}, at most {@code attempts} in a row. */
        public Builder reconnect(Duration initial, Duration max, int attempts) {
            this.initialBackoff = positive(initial, "initial");
            this.maxBackoff = positive(max, "max");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative: " + attempts);
            }
            this.maxReconnectAttempts = attempts;
            return this;
        }

        public Builder listener(LiveSessionListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * A callback for the tool runner to report that a call began running (for
         * {@link SessionEvent.ToolStage#STARTED} events), e.g. from a dispatcher's listener. Safe to call before
         * the session is connected, and from any thread.
         */
        public Consumer<String> toolStarted() {
            return callId -> {
                LiveSession s = built.get();
                if (s != null) {
                    s.onToolStarted(callId);
                }
            };
        }

        /** The {@code setup} this builder describes (without a resumption handle). */
        public Setup buildSetup() {
            Setup.Builder b;
            if (customSetup != null) {
                b = customSetup.toBuilder();
            } else {
                if (model == null) {
                    throw new IllegalStateException("LiveSession.Builder: set a model (e.g. gemini-3.8-live)");
                }
                b = Setup.builder(endpoint.modelName(model));
                if (responseModality != null) {
                    b.responseModality(responseModality);
                }
                if (voice != null) {
                    b.voice(voice);
                }
                if (systemInstruction != null) {
                    b.systemInstruction(systemInstruction);
                }
                b.functionDeclarations(declarations);
                if (compression != null) {
                    b.contextWindowCompression(compression);
                }
                if (inputTranscription) {
                    b.inputAudioTranscription(AudioTranscriptionConfig.enabled());
                }
                if (outputTranscription) {
                    b.outputAudioTranscription(AudioTranscriptionConfig.enabled());
                }
            }
            b.sessionResumption(sessionResumption ? SessionResumptionConfig.enabled() : null);
            return setupCustomizer.apply(b).build();
        }

        /**
         * Connects, sends {@code setup} and waits for {@code setupComplete}.
         *
         * @throws LiveSessionException when the server closes first (with its close code and reason, explained),
         *                              refuses the connection, or does not answer within the setup timeout
         */
        public LiveSession connect() {
            if (resumeHandle != null && !sessionResumption) {
                throw new IllegalStateException("resumeFrom needs sessionResumption(true)");
            }
            LiveSession session = new LiveSession(this, buildSetup());
            built.set(session);
            session.connectInitial();
            return session;
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }
    }
}
