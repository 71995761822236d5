package dev.livetools.session;

import dev.livetools.protocol.ClientMessage;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ServerMessage;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * A Live server on 127.0.0.1 for session tests, scripted by reacting to what the client sends. It sends server
 * frames as BINARY, pretty-printed like the service, mostly the recorded frames from {@code live-samples}.
 *
 * <p>Every reaction is scripted as a response to a client frame or to a connection opening. Those callbacks run on
 * the library's worker threads, not on its selector, and Java-WebSocket 1.6.0's server can leave a frame sent from
 * such a thread queued until the next inbound frame (a lost selector wake-up; a session test waiting for that frame
 * then times out). So every write this server causes goes through {@link WriteDemandGuard}, like the emulator's.
 */
public final class ScriptedLiveServer implements AutoCloseable {

    /** What the server does when something happens on connection number {@code connection} (1-based). */
    public interface Script {
        default void onOpen(Peer peer) {
        }

        void onMessage(Peer peer, ClientMessage message);
    }

    /** One record of traffic or of a connection event, in the order the server saw them. */
    public record Event(int sequence, int connection, String what, ClientMessage message, String raw) {
    }

    /** The server side of one connection, for use inside script callbacks. */
    public final class Peer {
        private final WebSocket socket;
        public final int connection;

        Peer(WebSocket socket, int connection) {
            this.socket = socket;
            this.connection = connection;
        }

        /** A recorded sample, byte-exact, as a binary frame. */
        public Peer sendSample(String name) {
            socket.send(sample(name));
            guard.afterSend(socket);
            return this;
        }

        public Peer send(ServerMessage message) {
            socket.send(codec.encodeServerBytes(message));
            guard.afterSend(socket);
            return this;
        }

        /** Raw text as a BINARY frame (for malformed frames). */
        public Peer sendRawBinary(String text) {
            socket.send(text.getBytes(StandardCharsets.UTF_8));
            guard.afterSend(socket);
            return this;
        }

        /** Raw text as a TEXT frame. */
        public Peer sendRawText(String text) {
            socket.send(text);
            guard.afterSend(socket);
            return this;
        }

        public void close(int code, String reason) {
            socket.close(code, reason);
            guard.afterSend(socket);
        }

        /**
         * Drops the TCP connection without a close frame, once the frames sent before have left (closing the channel
         * while they are queued would discard them, which is not what a network drop after them looks like). Waits
         * for the out queue to empty, not for a fixed time: on a loaded machine the selector may take longer than any
         * fixed delay to flush. Runs off the callback thread; closing a channel is safe from any thread.
         */
        public void drop() {
            CompletableFuture.runAsync(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (socket.hasBufferedData() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(200_000);
                }
                socket.closeConnection(1006, "dropped by test server");
            });
        }

        public String header(String name) {
            return socket.getAttachment() == null ? null : ((Map<String, String>) socket.getAttachment()).get(name);
        }
    }

    private final LiveCodec codec = new LiveCodec();
    private final Script script;
    private final Server server;
    private final WriteDemandGuard guard;
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Event> log = new ArrayList<>();
    private final Map<WebSocket, Peer> peers = new ConcurrentHashMap<>();
    private final Map<Integer, Map<String, String>> handshakeHeaders = new ConcurrentHashMap<>();
    private final Map<Integer, String> resourceDescriptors = new ConcurrentHashMap<>();

    public ScriptedLiveServer(Script script) {
        this.script = script;
        this.server = new Server();
        this.guard = new WriteDemandGuard(server);
        server.setReuseAddr(true);
        server.setTcpNoDelay(true);
        server.setConnectionLostTimeout(0);
        // a server a failing test did not get to close must not keep the test JVM (or PIT's minion) alive
        server.setDaemon(true);
        server.start();
        try {
            if (!started.await(SessionTestSupport.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("test server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sample(String name) {
        try (InputStream in = ScriptedLiveServer.class.getResourceAsStream("/live-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + server.getPort()
                + "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    }

    public LiveEndpoint endpoint() {
        return LiveEndpoint.url(url());
    }

    public Map<String, String> headersOf(int connection) {
        return handshakeHeaders.getOrDefault(connection, Map.of());
    }

    public String resourceOf(int connection) {
        return resourceDescriptors.get(connection);
    }

    public synchronized List<Event> events() {
        return List.copyOf(log);
    }

    /** The client messages received, on any connection, matching {@code filter}. */
    public synchronized List<Event> received(Predicate<Event> filter) {
        return log.stream().filter(e -> e.message != null).filter(filter).toList();
    }

    /** Waits until at least {@code count} events match. */
    public List<Event> await(Predicate<Event> filter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<Event> matching = log.stream().filter(filter).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + count + " matching events; log: " + log);
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private synchronized void record(int connection, String what, ClientMessage message, String raw) {
        log.add(new Event(sequence.incrementAndGet(), connection, what, message, raw));
        notifyAll();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.stop(1000);
        } finally {
            guard.close();
        }
    }

    private final class Server extends WebSocketServer {

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            int number = connections.incrementAndGet();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            handshake.iterateHttpFields().forEachRemaining(h -> headers.put(h, handshake.getFieldValue(h)));
            handshakeHeaders.put(number, headers);
            resourceDescriptors.put(number, handshake.getResourceDescriptor());
            conn.setAttachment(headers);
            Peer peer = new Peer(conn, number);
            peers.put(conn, peer);
            record(number, "open", null, null);
            script.onOpen(peer);
        }

        @Override
        public void onMessage(WebSocket conn, String text) {
            Peer peer = peers.get(conn);
            ClientMessage message = codec.decodeClient(text);
            record(peer.connection, message.kind(), message, text);
            script.onMessage(peer, message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer bytes) {
            onMessage(conn, StandardCharsets.UTF_8.decode(bytes).toString());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            guard.release(conn);
            Peer peer = peers.get(conn);
            if (peer != null) {
                record(peer.connection, "close " + code, null, reason);
            }
        }

        // The library writes close frames (its answer to the client's close) and pongs from worker threads too.
        @Override
        public void onCloseInitiated(WebSocket conn, int code, String reason) {
            guard.afterSend(conn);
        }

        @Override
        public void onClosing(WebSocket conn, int code, String reason, boolean remote) {
            guard.afterSend(conn);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata ping) {
            super.onWebsocketPing(conn, ping);
            guard.afterSend(conn);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.countDown();
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
