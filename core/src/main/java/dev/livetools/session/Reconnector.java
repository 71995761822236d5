package dev.livetools.session;

import dev.livetools.protocol.GoAway;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connections of one session: opens the first, hands over to a replacement on {@code goAway} while the old one
 * still works, reconnects with backoff and the resumption handle after a drop, and decides when to give up. It owns
 * the connection state; what a frame means is the {@link Owner}'s business. Called with the session lock held,
 * except {@link #connect()} and the connection callbacks, which take it.
 */
final class Reconnector implements Connection.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    /** What the session does with the connections' news. Called with the session lock held. */
    public interface Owner {
        /** A frame on a connection whose setup is complete. */
        void onMessage(Connection c, ServerMessage m);

        /** Any frame arrived on {@code c} (delivery confirmation for what was written to it). */
        void onTraffic(Connection c);

        /** {@code c} became the session's usable connection: send what waited. */
        void onUsable(Connection c);

        /** {@code c} is gone; what was written to it may not have arrived. */
        void onLost(Connection c);

        /** The session continues as a new one (no handle): calls of the old one cannot be answered. */
        void onNewSession(String reason);

        /** The session cannot continue. Called after the lock is released. */
        void onFailed(LiveSessionException failure);
    }

    /** How the session connects; all fixed at build time. */
    public record Settings(LiveEndpoint endpoint, Setup setup, boolean resumption, String resumeHandle,
                           Duration setupTimeout, Duration connectTimeout, ReconnectPolicy policy,
                           int maxFrameBytes, Duration heartbeat) {
    }

    private final String name;
    private final Settings settings;
    private final SessionLock lock;
    private final EventHub events;
    private final LiveCodec codec;
    private final Owner owner;
    private final ScheduledExecutorService timer;
    private final ReconnectPolicy.Tracker tracker;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    // guarded by lock
    private ConnectionState state = ConnectionState.CONNECTING;
    private Connection active;
    private Connection replacement;
    private boolean everConnected;
    private String resumptionHandle;
    private String sessionId;
    private int connectionNumbers;
    private String lastCloseText = "";
    private ScheduledFuture<?> pendingTimer;

    public Reconnector(String name, Settings settings, SessionLock lock, EventHub events, LiveCodec codec,
                       Owner owner) {
        this.name = name;
        this.settings = settings;
        this.lock = lock;
        this.events = events;
        this.codec = codec;
        this.owner = owner;
        this.resumptionHandle = settings.resumeHandle();
        this.tracker = settings.policy().tracker();
        // Its thread lives only while a reconnect or setup deadline is pending: a session that has resumed once
        // must not keep a parked thread for the rest of its life (1,000 sessions, 1,000 threads).
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, name + "-timer");
            th.setDaemon(true);
            return th;
        });
        t.setKeepAliveTime(1, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
    }

    // ================================================================== state (under the lock)

    public ConnectionState state() {
        return state;
    }

    public boolean isClosed() {
        return state == ConnectionState.CLOSED;
    }

    public String resumptionHandle() {
        return resumptionHandle;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The connection to write to, or {@code null} while none has completed its setup. */
    public Connection usable() {
        return usable(active) ? active : null;
    }

    /** A resumable handle from {@code sessionResumptionUpdate}. */
    public void keepHandle(String handle) {
        resumptionHandle = handle;
    }

    // ================================================================== the first connection

    /**
     * Opens the first connection and waits for its {@code setupComplete}; called without the lock.
     *
     * @throws LiveSessionException when the server closes first, refuses, or stays silent past the setup timeout
     */
    public void connect() {
        Connection first;
        try {
            first = lock.call(() -> {
                tracker.opening(System.nanoTime());
                return active = newConnection(resumptionHandle);
            });
        } catch (RuntimeException e) {
            // e.g. the Vertex token supplier failed
            LiveSessionException failure = new LiveSessionException("could not prepare a connection to "
                    + settings.endpoint().displayUri() + ": " + settings.endpoint().scrub(String.valueOf(
                    e.getMessage())), null);
            owner.onFailed(failure);
            throw failure;
        }
        events.emit(new SessionEvent.Connection(ConnectionState.CONNECTING, settings.endpoint().displayUri()));
        first.open();
        try {
            ready.get(settings.setupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LiveSessionException failure = new LiveSessionException("no setupComplete from "
                    + settings.endpoint().displayUri() + " within " + settings.setupTimeout().toMillis() + " ms",
                    LiveSessionException.NO_CLOSE_CODE, "");
            owner.onFailed(failure);
            throw failure;
        } catch (ExecutionException e) {
            LiveSessionException failure = e.getCause() instanceof LiveSessionException l ? l
                    : new LiveSessionException("could not open a Live session", e.getCause());
            owner.onFailed(failure);
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LiveSessionException failure = new LiveSessionException("interrupted while connecting to "
                    + settings.endpoint().displayUri(), e);
            owner.onFailed(failure);
            throw failure;
        }
    }

    // ================================================================== connection callbacks

    @Override
    public void onFrame(Connection c, ServerMessage m) {
        events.beginBatch();
        try {
            lock.run(() -> frame(c, m));
        } finally {
            events.endBatch();
        }
        // Outside the lock, on the read thread only: a listener far behind slows reading, not the tools.
        events.awaitBacklog();
    }

    @Override
    public void onMalformed(Connection c, ProtocolException problem) {
        LOG.warn("{}: skipped a malformed frame on {}: {}", name, c, problem.getMessage());
        events.emit(new SessionEvent.MalformedFrame(problem.getMessage()));
    }

    @Override
    public void onClosed(Connection c, ConnectionEnd end) {
        lock.run(() -> closed(c, end));
    }

    private void frame(Connection c, ServerMessage m) {
        if (isClosed() || (c != active && c != replacement)) {
            LOG.debug("{}: ignored a frame from retired {}", name, c);
            return;
        }
        owner.onTraffic(c);
        if (m.setupComplete() != null && !c.isSetupComplete()) {
            setupComplete(c, m);
        }
        if (!c.isSetupComplete()) {
            LOG.warn("{}: ignored {} before setupComplete on {}", name, m.kinds(), c);
            return;
        }
        owner.onMessage(c, m);
        if (!m.unknown().isEmpty()) {
            LOG.debug("{}: ignored unknown message kinds {}", name, m.unknown().keySet());
        }
    }

    private void setupComplete(Connection c, ServerMessage m) {
        c.markSetupComplete();
        if (m.setupComplete().sessionId() != null) {
            sessionId = m.setupComplete().sessionId();
        }
        cancelTimer();
        tracker.connected(System.nanoTime());
        if (c == replacement) {
            Connection old = active;
            active = c;
            replacement = null;
            if (old != null) {
                owner.onLost(old);
                lock.afterUnlock(() -> old.close(1000, "handed over to a new connection"));
            }
        }
        boolean first = !everConnected;
        boolean resumed = !first && c.resumes();
        everConnected = true;
        state = ConnectionState.CONNECTED;
        events.emit(new SessionEvent.Connection(resumed ? ConnectionState.RESUMED : ConnectionState.CONNECTED,
                c + (first ? "" : resumed ? " resumed the session" : " started a new session")));
        owner.onUsable(c);
        if (first) {
            lock.afterUnlock(() -> ready.complete(null));
        }
    }

    // ================================================================== goAway, drops, reconnects

    /** {@code goAway} on {@code c}: open the replacement now, unless connections keep ending at once. */
    public void onGoAway(Connection c, GoAway goAway) {
        if (c != active || replacement != null) {
            return;
        }
        String left = goAway.timeLeft() == null ? "unknown time" : goAway.timeLeft().toMillis() + " ms";
        state = ConnectionState.HANDING_OVER;
        int attempt = tracker.next(System.nanoTime());
        Duration delay = attempt == 1 ? Duration.ZERO : settings.policy().backoff(attempt - 1);
        if (goAway.timeLeft() != null && delay.compareTo(goAway.timeLeft().dividedBy(2)) > 0) {
            delay = goAway.timeLeft().dividedBy(2);
        }
        events.emit(new SessionEvent.Connection(ConnectionState.HANDING_OVER, "goAway from " + c + ", " + left
                + " left" + (delay.isZero() ? "" : "; the connection ended soon after it began, so the handover waits "
                + delay.toMillis() + " ms")));
        if (delay.isZero()) {
            openReplacement();
        } else {
            scheduleTimer(this::reconnectNow, delay);
        }
    }

    /** Opens the next connection while {@code active} may still be working, within the per-minute cap. */
    private void openReplacement() {
        Duration cap = tracker.capDelay(System.nanoTime());
        if (!cap.isZero()) {
            LOG.warn("{}: {} connections opened in the last minute; the next waits {} ms", name,
                    settings.policy().perMinute(), cap.toMillis());
            scheduleTimer(this::reconnectNow, cap);
            return;
        }
        String handle = settings.resumption() ? resumptionHandle : null;
        if (handle == null) {
            owner.onNewSession("the server ended the connection and gave no resumption handle");
        }
        Connection next;
        try {
            next = newConnection(handle);
        } catch (RuntimeException e) {
            // e.g. the Vertex token supplier failed: handled like a failed attempt
            LOG.warn("{}: could not prepare a new connection: {}", name, settings.endpoint().scrub(e.toString()));
            lock.afterUnlock(() -> onClosed(null, ConnectionEnd.failed(e)));
            return;
        }
        replacement = next;
        tracker.opening(System.nanoTime());
        lock.afterUnlock(next::open);
        scheduleTimer(() -> setupTimedOut(next), settings.setupTimeout());
    }

    private void setupTimedOut(Connection c) {
        if (!c.isSetupComplete()) {
            LOG.warn("{}: no setupComplete on {} within {} ms", name, c, settings.setupTimeout().toMillis());
            c.abort();
        }
    }

    private void closed(Connection c, ConnectionEnd end) {
        if (isClosed()) {
            return;
        }
        String text = end.explain();
        if (c != null) {
            lastCloseText = text;
        }
        if (c != null && c == active) {
            owner.onLost(c);
            if (!everConnected) {
                LiveSessionException failure = new LiveSessionException(end.beforeSetup(
                        settings.endpoint().displayUri()), end.code(), end.reason());
                lock.afterUnlock(() -> ready.completeExceptionally(failure));
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
                retryLater(end, true); // the old connection still works: try again before it goes
                return;
            }
            active = null;
        } else {
            return; // a retired connection
        }
        retryLater(end, false);
    }

    private void retryLater(ConnectionEnd end, boolean handover) {
        if (end.staleHandle()) {
            resumptionHandle = null;
        } else if (!end.retryable() || !settings.resumption()) {
            String why = end.explain() + (settings.resumption() ? ""
                    : " (session resumption is off, so the session cannot continue)");
            fail(new LiveSessionException(why, end.code(), end.reason()));
            return;
        }
        int attempt = tracker.next(System.nanoTime());
        int max = settings.policy().attempts();
        if (tracker.exhausted()) {
            fail(new LiveSessionException("gave up after " + max + " reconnect attempts; last: " + lastCloseText,
                    end.code(), end.reason()));
            return;
        }
        if (!handover) {
            state = ConnectionState.RECONNECTING;
        }
        Duration delay = settings.policy().backoff(attempt);
        Duration cap = tracker.capDelay(System.nanoTime());
        if (cap.compareTo(delay) > 0) {
            delay = cap;
        }
        events.emit(new SessionEvent.Connection(handover ? ConnectionState.HANDING_OVER : ConnectionState.RECONNECTING,
                "attempt " + attempt + " of " + max + " in " + delay.toMillis() + " ms after " + lastCloseText));
        scheduleTimer(this::reconnectNow, delay);
    }

    private void fail(LiveSessionException failure) {
        lock.afterUnlock(() -> owner.onFailed(failure));
    }

    private void reconnectNow() {
        lock.run(() -> {
            if (!isClosed() && replacement == null) {
                openReplacement();
            }
        });
    }

    // ================================================================== the end

    /**
     * Marks the session closed and stops the timer; returns the connections still open, for the caller to close
     * once the lock is released. Completes a pending {@link #connect()} with {@code failure}.
     */
    public List<Connection> stop(LiveSessionException failure) {
        state = ConnectionState.CLOSED;
        cancelTimer();
        List<Connection> open = new ArrayList<>(2);
        for (Connection c : new Connection[]{active, replacement}) {
            if (c != null && !c.isClosed()) {
                open.add(c);
            }
        }
        active = null;
        replacement = null;
        lock.afterUnlock(() -> {
            ready.completeExceptionally(failure);
            timer.shutdownNow();
        });
        return open;
    }

    // ================================================================== helpers

    private Connection newConnection(String handle) {
        Setup s = handle != null ? settings.setup().resuming(handle) : settings.setup();
        LiveEndpoint e = settings.endpoint();
        return new Connection(++connectionNumbers, e.connectUri(), e.displayUri(), e.handshakeHeaders(),
                codec.encode(s), handle != null, codec, this, (int) settings.connectTimeout().toMillis(),
                settings.maxFrameBytes(), e::scrub, settings.heartbeat());
    }

    private static boolean usable(Connection c) {
        return c != null && c.isSetupComplete() && !c.isClosed();
    }

    private void scheduleTimer(Runnable task, Duration delay) {
        cancelTimer();
        try {
            pendingTimer = timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: timer already stopped", name);
        }
    }

    private void cancelTimer() {
        if (pendingTimer != null) {
            pendingTimer.cancel(false);
            pendingTimer = null;
        }
    }
}
