package dev.livetools.testkit.internal;

import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Forces Java-WebSocket 1.6.0's lost wakeup deterministically.
 *
 * <p>Where it is: the selector's flush ({@code SocketChannelIOHelper.batch}) finds the out queue empty, then
 * {@code doWrite} resets the key's interest to READ. A send from another thread in between (queue append, interest
 * READ|WRITE, wakeup) is overwritten by that reset. It is usually masked: a key the selector did not remove from its
 * selected set keeps a stale "writable" ready flag, and the woken selector flushes again. The server only removes a
 * key when it <em>read</em> data in that round, so the frame is really stranded when the selector reads and flushes
 * the same connection in one round and a send lands in the window.
 *
 * <p>How the test gets there: {@code batch} calls {@code isFlushAndClose()} exactly inside the window, so a
 * connection overriding it can run an armed action there, once, on the selector thread. Phase 1 parks the selector
 * inside a flush while the client's next frame reaches the socket and a frame "first" is queued; phase 2 (in the
 * round that reads that frame and flushes "first") sends "second" from another thread inside the window.
 */
final class LostWakeupRace {

    private LostWakeupRace() {
    }

    /** The choreographed server; {@code guarded} sends through {@link WriteDemandGuard} like the emulator does. */
    static final class Server extends WebSocketServer {
        final WriteDemandGuard guard = new WriteDemandGuard(this);
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch selectorParked = new CountDownLatch(1);
        final CountDownLatch releaseSelector = new CountDownLatch(1);
        private final AtomicReference<Runnable> armed = new AtomicReference<>();
        private final boolean guarded;
        private volatile WebSocket connection;

        Server(boolean guarded) {
            super(new InetSocketAddress("127.0.0.1", 0), 1);
            this.guarded = guarded;
            setReuseAddr(true);
            setConnectionLostTimeout(0);
            setWebSocketFactory(new HookedFactory(armed));
        }

        private void send(WebSocket socket, String text) {
            socket.send(text);
            if (guarded) {
                guard.afterSend(socket);
            }
        }

        /**
         * Phase 2, from the test thread while the selector is parked: queue "first", arm the send of "second".
         *
         * <p>"first" is stage setting: sent inside the parked flush, its write interest is reset too, and usually the
         * selector's stale ready set flushes it in the next round (the one that also reads "ping"). Under a loaded
         * machine that next round can miss it: the very defect strands "first" (seen twice in full-suite runs on two
         * shared cores). So it goes through the same send path as "second": guarded in the guarded variant (the
         * guard may then count a rescue for it too), unguarded in the repro.
         */
        void queueFirstAndSendSecondInsideItsFlush() {
            armed.set(() -> {
                Thread sender = new Thread(() -> send(connection, "second"), "non-selector-sender");
                sender.start();
                join(sender);
            });
            send(connection, "first");
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            switch (message) {
                case "park" -> {
                    armed.set(() -> {
                        selectorParked.countDown();
                        await(releaseSelector);
                    });
                    send(socket, "parked");
                }
                case "ping" -> {
                    // no reply: an inbound frame that does not cause a send
                }
                default -> send(socket, "reply to " + message);
            }
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            connection = socket;
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket socket, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        void shutdown() throws InterruptedException {
            releaseSelector.countDown();
            stop(1000);
            guard.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class HookedFactory implements WebSocketServerFactory {
        private final AtomicReference<Runnable> armed;

        HookedFactory(AtomicReference<Runnable> armed) {
            this.armed = armed;
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return new HookedConnection(adapter, List.of(draft), armed);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return new HookedConnection(adapter, drafts, armed);
        }

        @Override
        public SocketChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return channel;
        }

        @Override
        public void close() {
        }
    }

    private static final class HookedConnection extends WebSocketImpl {
        private final AtomicReference<Runnable> armed;

        HookedConnection(WebSocketAdapter adapter, List<Draft> drafts, AtomicReference<Runnable> armed) {
            super(adapter, drafts);
            this.armed = armed;
        }

        /** Called by the selector's flush between "queue is empty" and "interest := READ". */
        @Override
        public boolean isFlushAndClose() {
            if (Thread.currentThread().getName().startsWith("WebSocketSelector")) {
                Runnable action = armed.getAndSet(null);
                if (action != null) {
                    action.run();
                }
            }
            return super.isFlushAndClose();
        }
    }
}
