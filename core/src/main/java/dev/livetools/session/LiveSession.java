package dev.livetools.session;

import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.ClientMessage;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.RealtimeInput;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A conversation with a Gemini Live model over one or more WebSocket connections, with tools.
 *
 * <pre>{@code
 * try (ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build();
 *      LiveSession session = LiveSession.builder(LiveEndpoint.geminiApi(key)).model("gemini-3.8-live")
 *              .tools(dispatcher).connect()) {
 *     ModelTurn turn = session.sendTurn("Turn on the kitchen light").get(30, TimeUnit.SECONDS);
 * }
 * }</pre>
 *
 * <p>{@link Builder#connect()} sends {@code setup} and returns once {@code setupComplete} has arrived and the
 * listeners have seen {@code CONNECTED}. Frames are read as JSON from binary and text frames; one that cannot be
 * decoded is logged, reported as {@link SessionEvent.MalformedFrame} and skipped. Tool calls go to the runner through
 * a tool bridge whose call ledger answers each id exactly once, across reconnects; a reconnector hands over on
 * {@code goAway} and reconnects after drops with the resumption handle (see docs/sessions.md). All send methods are
 * thread-safe. While reconnecting, turns and realtime text are queued and sent after resumption; audio and video are
 * dropped (stale media would confuse the model).
 */
public final class LiveSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    private static final int MAX_QUEUED_MESSAGES = 256;
    private static final AtomicInteger SESSION_NUMBERS = new AtomicInteger();

    private final String name = "livetools-session-" + SESSION_NUMBERS.incrementAndGet();
    private final Setup setup;
    private final LiveCodec codec = new LiveCodec();
    private final SessionLock lock = new SessionLock();
    private final EventHub events;
    private final ToolBridge tools;
    private final Reconnector connections;
    private final TurnCollector turns = new TurnCollector(this::sendText);
    /** Whether {@link #turns} listens yet: only once turns are awaited, so a session nobody listens to stays quiet. */
    private final java.util.concurrent.atomic.AtomicBoolean collecting = new java.util.concurrent.atomic.AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    // guarded by lock
    private final List<String> queued = new ArrayList<>();
    /** Whether connect() has returned: from then on a failure has nobody to throw to, and is logged. */
    private volatile boolean connected;

    private LiveSession(SessionOptions b, Setup setup) {
        this.setup = setup;
        this.events = new EventHub(name + "-events", b.maxBacklogBytes, EventHub.DEFAULT_BACKLOG_EVENTS);
        b.listeners.forEach(events::addListener);
        this.connections = new Reconnector(name, new Reconnector.Settings(b.endpoint, setup, b.sessionResumption,
                b.resumeHandle, b.setupTimeout, b.connectTimeout, b.policy, b.maxFrameBytes,
                b.heartbeat), lock, events, codec,
                new Wiring());
        this.tools = new ToolBridge(name, b.runner, lock, events, codec, connections::usable);
    }

    public static Builder builder(LiveEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /** The session's events, in order; subscribe early to see them all. Completes when the session closes. */
    public Flow.Publisher<SessionEvent> events() {
        return events.publisher();
    }

    /** Adds a listener; it sees events from now on. */
    public void addListener(LiveSessionListener listener) {
        events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    public ConnectionState state() {
        return lock.call(connections::state);
    }

    /** The latest resumable handle the server gave, if any. */
    public Optional<String> resumptionHandle() {
        return Optional.ofNullable(lock.call(connections::resumptionHandle));
    }

    /** The session id from {@code setupComplete} (Vertex AI sends one; the Gemini API does not). */
    public Optional<String> sessionId() {
        return Optional.ofNullable(lock.call(connections::sessionId));
    }

    /** The {@code setup} this session sends (a reconnect sends it with the resumption handle). */
    public Setup setup() {
        return setup;
    }

    /** Completes when the session has closed, by {@link #close()} or because it could not continue. */
    public CompletableFuture<Void> closed() {
        return terminated.copy();
    }

    /**
     * Sends a user turn and completes with the model's answer once its {@code turnComplete} arrives: text, tool
     * calls made, usage. Turns sent this way go one at a time (a turn waits for the previous answer), and the future
     * fails when the session ends first. Bound the wait yourself ({@code get(timeout)}, {@code orTimeout}).
     */
    public CompletableFuture<ModelTurn> sendTurn(String text) {
        Objects.requireNonNull(text, "text");
        if (collecting.compareAndSet(false, true)) {
            events.addListener(turns);
        }
        return turns.submit(text);
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
            tools.sink().send(response);
            return;
        }
        String json = codec.encode(message);
        lock.run(() -> {
            if (connections.isClosed()) {
                throw new IllegalStateException(name + " is closed");
            }
            Connection c = connections.usable();
            if (c != null && c.send(json)) {
                return;
            }
            if (message instanceof RealtimeInput r && (r.audio() != null || r.video() != null
                    || r.mediaChunks() != null)) {
                LOG.debug("{}: not connected, dropped a {} chunk", name, message.kind());
            } else if (queued.size() < MAX_QUEUED_MESSAGES) {
                queued.add(json);
            } else {
                LOG.warn("{}: not connected and {} messages already queued; dropped a {}", name,
                        MAX_QUEUED_MESSAGES, message.kind());
            }
        });
    }

    /**
     * Closes the session (close code 1000). Calls still running are cancelled and reported as
     * {@code UNANSWERED}; events already queued are still delivered. Returns when the connections' threads are done
     * (a server that does not answer the close handshake within 2 s has its connection dropped).
     */
    @Override
    public void close() {
        terminate(null, "closed by the application");
    }

    private void connect(Duration wait) {
        connections.connect();
        connected = true;
        // CONNECTED has been emitted; let the listeners see it before connect() returns.
        try {
            events.delivered().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("{}: the listeners took longer than {} ms to take CONNECTED", name, wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void terminate(LiveSessionException failure, String reason) {
        List<Connection> open = lock.call(() -> {
            if (connections.isClosed()) {
                return null;
            }
            LiveSessionException end = failure != null ? failure
                    : new LiveSessionException(reason, LiveSessionException.NO_CLOSE_CODE, "");
            boolean clean = failure == null && connections.usable() != null;
            tools.abandon("the session ended: " + reason, clean);
            queued.clear();
            List<Connection> still = connections.stop(end);
            events.emit(new SessionEvent.Connection(ConnectionState.CLOSED, reason));
            return still;
        });
        if (open == null) {
            return;
        }
        open.forEach(c -> c.closeAndWait(1000, "Client closing", 2_000));
        if (failure != null && connected) {
            LOG.warn("{}: {}", name, failure.getMessage());
        } else if (failure != null) {
            // connect() throws it: the caller reports it, a second copy in the log would print it twice
            LOG.debug("{}: {}", name, failure.getMessage());
        }
        turns.end(reason);
        events.close();
        terminated.complete(null);
    }

    /** What the reconnector's news means for the rest of the session. Called under the lock. */
    private final class Wiring implements Reconnector.Owner {
        @Override
        public void onMessage(Connection c, ServerMessage m) {
            for (ServerMessageMapping.Inbound in : ServerMessageMapping.map(m)) {
                if (in instanceof ServerMessageMapping.Emit e) {
                    events.emit(e.event());
                } else if (in instanceof ServerMessageMapping.Calls calls) {
                    tools.announce(c, calls.calls());
                } else if (in instanceof ServerMessageMapping.Unreadable bad) {
                    tools.unreadable(c, bad.entries());
                } else if (in instanceof ServerMessageMapping.Cancel cancel) {
                    tools.cancel(cancel.ids());
                } else if (in instanceof ServerMessageMapping.Handle h) {
                    connections.keepHandle(h.handle());
                } else if (in instanceof ServerMessageMapping.Leaving l) {
                    connections.onGoAway(c, l.goAway());
                }
            }
        }

        @Override
        public void onTraffic(Connection c) {
            tools.confirm(c);
        }

        @Override
        public void onUsable(Connection c) {
            tools.flush();
            while (!queued.isEmpty() && c.send(queued.get(0))) {
                queued.remove(0);
            }
        }

        @Override
        public void onLost(Connection c) {
            tools.lost(c);
        }

        @Override
        public void onNewSession(String reason) {
            tools.abandon(reason, false);
        }

        @Override
        public void onFailed(LiveSessionException failure) {
            terminate(failure, failure.getMessage());
        }
    }

    /**
     * Configures and opens a {@link LiveSession}. Defaults: session resumption on, setup timeout 15 s, connect
     * timeout 10 s, reconnect with backoff from 250 ms to 8 s (at most 8 failed attempts in a row, at most 30
     * connections a minute), frames up to 16 MiB, listeners at most 16 MiB of events behind.
     */
    public static final class Builder extends SessionOptions {

        private Builder(LiveEndpoint endpoint) {
            super(endpoint);
        }

        /**
         * Connects, sends {@code setup} and waits for {@code setupComplete}; listeners have seen {@code CONNECTED}
         * when it returns.
         *
         * @throws LiveSessionException when the server closes first (with its close code and reason, explained),
         *                              refuses the connection, or does not answer within the setup timeout
         */
        public LiveSession connect() {
            if (resumeHandle != null && !sessionResumption) {
                throw new IllegalStateException("resumeFrom needs sessionResumption(true)");
            }
            LiveSession session = new LiveSession(this, buildSetup());
            session.connect(setupTimeout);
            return session;
        }
    }
}
