package dev.livetools.session;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;

/**
 * Works around a lost wakeup in Java-WebSocket 1.6.0's {@link WebSocketServer}.
 *
 * <p>The defect: a send from any thread but the selector's appends to the connection's out queue, then sets the
 * key's interest to READ|WRITE and wakes the selector ({@code onWriteDemand}). The selector thread, finishing a
 * flush ({@code doWrite}), sets the interest back to READ <em>after</em> it found the queue empty. When the append
 * and the interest update land between that emptiness check and that reset, the reset wins: the frame waits in the
 * out queue until some later event (usually the next inbound frame) makes the selector write again. In a
 * request/response loop that event never comes. {@code repro} test {@code LostWakeupReproTest} forces the
 * interleaving deterministically.
 *
 * <p>A test-code copy of testkit's {@code dev.livetools.testkit.internal.WriteDemandGuard} (the emulator's), for
 * {@link ScriptedLiveServer}: core cannot depend on testkit, and server code does not belong in the client library.
 * Keep the two in step.
 *
 * <p>The fix: after every send the guard checks, from its own thread and shortly afterwards, whether the
 * connection still has buffered data, and if so signals write demand again. Only a flush in progress can undo a
 * signal, and a flush empties the queue of everything appended before it, so while data stays queued the guard keeps
 * re-signalling (with backoff) and some signal lands after the last reset: every queued frame is written. Sends
 * stay on the caller's thread (no extra hop on the normal path); the cost is one scheduled check per burst of sends.
 * Drop this class when the library no longer loses the wakeup (the repro test then fails).
 */
final class WriteDemandGuard implements AutoCloseable {

    private static final long FIRST_CHECK_MICROS = 500;
    private static final long MAX_CHECK_MICROS = 20_000;

    private final WebSocketServer server;
    private final ScheduledExecutorService checker;
    private final Map<WebSocket, AtomicBoolean> scheduled = new ConcurrentHashMap<>();
    private final AtomicLong resignals = new AtomicLong();
    private final AtomicLong rescues = new AtomicLong();

    public WriteDemandGuard(WebSocketServer server) {
        this.server = server;
        this.checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "websocket-write-guard");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Call after anything was queued on {@code connection} from a thread other than the selector's. */
    public void afterSend(WebSocket connection) {
        AtomicBoolean pending = scheduled.computeIfAbsent(connection, c -> new AtomicBoolean());
        if (pending.compareAndSet(false, true)) {
            schedule(connection, pending, FIRST_CHECK_MICROS);
        }
    }

    /** Forget a closed connection. */
    public void release(WebSocket connection) {
        scheduled.remove(connection);
    }

    /** How many times data was found still queued and write demand signalled again (for tests and stats). */
    public long resignals() {
        return resignals.get();
    }

    /**
     * How many of those re-signals found the write interest already reset while data was queued: wakeups the
     * library had lost, which without the guard would have stalled until the next inbound frame.
     */
    public long rescues() {
        return rescues.get();
    }

    private void schedule(WebSocket connection, AtomicBoolean pending, long delayMicros) {
        try {
            checker.schedule(() -> check(connection, pending, delayMicros), delayMicros, TimeUnit.MICROSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            pending.set(false);
        }
    }

    private void check(WebSocket connection, AtomicBoolean pending, long lastDelayMicros) {
        // Clear first: a send after this line schedules its own check, a send before it is seen below.
        pending.set(false);
        // The interest is read before the queue: a reset seen here came after a flush emptied the queue of everything
        // appended before that flush, so data still queued now was stranded by it. Read the other way round, a flush
        // completing between the two reads would be miscounted as a lost wakeup.
        boolean interestLost = lostWriteInterest(connection);
        if (connection.isClosed() || !connection.hasBufferedData()) {
            return;
        }
        resignals.incrementAndGet();
        if (interestLost) {
            rescues.incrementAndGet();
        }
        server.onWriteDemand(connection);
        if (pending.compareAndSet(false, true)) {
            schedule(connection, pending, Math.min(lastDelayMicros * 2, MAX_CHECK_MICROS));
        }
    }

    private static boolean lostWriteInterest(WebSocket connection) {
        if (!(connection instanceof WebSocketImpl impl) || impl.getSelectionKey() == null) {
            return false;
        }
        try {
            return (impl.getSelectionKey().interestOps() & SelectionKey.OP_WRITE) == 0;
        } catch (CancelledKeyException e) {
            return false;
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        scheduled.clear();
    }
}
