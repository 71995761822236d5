package dev.livetools.session;

import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.ServerMessage;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * One WebSocket connection of a session: sends {@code setup} as soon as it opens, decodes every frame (binary or
 * text) on its read thread and hands it to the session. The session decides what a frame means.
 *
 * <p>Frames larger than {@code maxFrameBytes} are refused with close 1009 before their payload is read (Java-WebSocket
 * checks the announced length against the draft's limit; without one a peer can make it allocate 2 GB). The opening
 * handshake (TCP, TLS, HTTP upgrade) must finish within the connect timeout, so a {@code wss://} URL pointing at a
 * plain server fails in seconds instead of waiting forever for a TLS answer. Its threads are daemons.
 */
final class Connection implements Heartbeat.Beating {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** Java-WebSocket logs every write of at most 1000 bytes at TRACE, the handshake with its headers included. */
    private static final int TRACE_DISPLAY_LIMIT = 1000;

    /** What the session does with a connection's traffic. Called on the connection's read thread. */
    public interface Handler {
        void onFrame(Connection connection, ServerMessage message);

        void onMalformed(Connection connection, ProtocolException problem);

        void onClosed(Connection connection, ConnectionEnd end);
    }

    private final int number;
    private final String displayUri;
    private final Client client;
    private final Handler handler;
    private final LiveCodec codec;
    private final String setupJson;
    private final boolean resumes;
    private final int maxFrameBytes;
    private final int handshakeTimeoutMillis;
    private final UnaryOperator<String> scrub;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean setupComplete;
    private volatile Exception error;
    private volatile boolean opened;
    /** Ping after this long without a frame from the server, drop after twice as long; 0: no heartbeat. */
    private final long heartbeatNanos;
    private volatile long lastHeardNanos;
    private volatile long lastPingNanos;
    /** The read thread is in the session's hands (e.g. waiting for slow listeners): silence is ours, not the server's. */
    private volatile boolean handling;

    public Connection(int number, URI uri, String displayUri, Map<String, String> headers, String setupJson,
                      boolean resumes, LiveCodec codec, Handler handler, int connectTimeoutMillis, int maxFrameBytes,
                      UnaryOperator<String> scrub, Duration heartbeat) {
        this.resumes = resumes;
        this.number = number;
        this.displayUri = displayUri;
        this.handler = handler;
        this.codec = codec;
        this.setupJson = setupJson;
        this.maxFrameBytes = maxFrameBytes;
        this.scrub = scrub;
        this.client = new Client(uri, keptOutOfTraceLogs(headers,
                LoggerFactory.getLogger(WebSocketImpl.class).isTraceEnabled()), connectTimeoutMillis, maxFrameBytes);
        this.client.setTcpNoDelay(true);
        this.client.setDaemon(true);
        // Java-WebSocket's own timer is a thread per client; the shared Heartbeat does its job for all of them.
        this.client.setConnectionLostTimeout(0);
        this.heartbeatNanos = heartbeat.toNanos();
        this.handshakeTimeoutMillis = connectTimeoutMillis;
        if (!"wss".equalsIgnoreCase(uri.getScheme())) {
            // For wss the client must create the socket itself: with a factory it would skip the TLS upgrade.
            this.client.setSocketFactory(new HandshakeTimeoutSockets(connectTimeoutMillis));
        }
    }

    /**
     * The handshake headers, padded past Java-WebSocket's TRACE display limit when that logging is on, so that a
     * key in {@code x-goog-api-key} is logged as "too big to display" rather than in clear text.
     */
    static Map<String, String> keptOutOfTraceLogs(Map<String, String> headers, boolean traceOn) {
        if (headers.isEmpty() || !traceOn) {
            return headers;
        }
        Map<String, String> padded = new LinkedHashMap<>(headers);
        padded.put("x-livetools-padding", "0".repeat(TRACE_DISPLAY_LIMIT));
        return padded;
    }

    /** Starts connecting; the outcome arrives through the handler. */
    public void open() {
        LOG.debug("connection #{} opening {}", number, displayUri);
        ConnectionThreads.start(client, number);
    }

    /** Writes one text frame; false when the socket is no longer open (the close callback follows). */
    public boolean send(String json) {
        try {
            client.send(json);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    public void close(int code, String reason) {
        client.close(code, reason);
    }

    /**
     * Closes and waits (bounded) until the connection's threads are done with it, so that no thread of a closed
     * session lingers; a peer that does not answer the close handshake in time has its TCP connection dropped.
     * Does not wait when called on one of Java-WebSocket's own threads, which would wait for itself.
     */
    public void closeAndWait(int code, String reason, long timeoutMillis) {
        client.close(code, reason);
        if (Thread.currentThread().getName().startsWith("WebSocket")) {
            return;
        }
        try {
            if (!ended.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                client.closeConnection(1006, "no answer to the close handshake");
                ended.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        client.closeConnection(1006, "aborted by client");
    }

    public int number() {
        return number;
    }

    /** Whether this connection's setup carries a resumption handle. */
    public boolean resumes() {
        return resumes;
    }

    public boolean isSetupComplete() {
        return setupComplete;
    }

    public void markSetupComplete() {
        this.setupComplete = true;
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "connection #" + number;
    }

    /** Run by the {@link Heartbeat}: pings a quiet connection, drops one silent for two intervals. */
    @Override
    public long beat(long now) {
        if (closed.get()) {
            return -1;
        }
        if (handling) {
            return now + heartbeatNanos;
        }
        long heard = lastHeardNanos;
        if (now - heard >= 2 * heartbeatNanos) {
            String silence = Duration.ofNanos(now - heard).toMillis() + " ms";
            LOG.info("connection #{}: nothing from the server, not even a pong, for {}: dropping it as lost",
                    number, silence);
            client.closeConnection(1006, "no frame or pong from the server for " + silence);
            return -1;
        }
        if (now - heard >= heartbeatNanos && now - lastPingNanos >= heartbeatNanos) {
            try {
                client.sendPing();
            } catch (WebsocketNotConnectedException e) {
                return -1;
            }
            lastPingNanos = now;
        }
        long ping = lastPingNanos;
        long quietSince = ping - heard > 0 ? ping : heard;
        long nextPing = quietSince + heartbeatNanos;
        long lost = heard + 2 * heartbeatNanos;
        return nextPing - lost < 0 ? nextPing : lost;
    }

    private void heard() {
        lastHeardNanos = System.nanoTime();
    }

    private final class Client extends WebSocketClient {

        Client(URI uri, Map<String, String> headers, int connectTimeoutMillis, int maxFrameBytes) {
            super(uri, new Draft_6455(List.of(), maxFrameBytes), headers, connectTimeoutMillis);
        }

        @Override
        protected void onSetSSLParameters(javax.net.ssl.SSLParameters parameters) {
            super.onSetSSLParameters(parameters); // keeps hostname verification
            try {
                // A plain server never answers the TLS hello: time out instead of waiting forever.
                getSocket().setSoTimeout(handshakeTimeoutMillis);
            } catch (SocketException e) {
                LOG.debug("connection #{}: could not set the handshake timeout: {}", number, e.toString());
            }
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
            heard();
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            heard();
            super.onWebsocketPing(conn, f); // answers with a pong
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened = true;
            heard();
            lastPingNanos = lastHeardNanos;
            if (heartbeatNanos > 0) {
                Heartbeat.SHARED.add(Connection.this);
            }
            try {
                getSocket().setSoTimeout(0); // the handshake is over: a quiet session is not an error
            } catch (SocketException e) {
                LOG.debug("connection #{}: could not clear the handshake timeout: {}", number, e.toString());
            }
            // setup must be the first message on the connection
            send(setupJson);
        }

        @Override
        public void onMessage(String text) {
            heard();
            ServerMessage message;
            try {
                message = codec.decodeServer(text);
            } catch (ProtocolException e) {
                handler.onMalformed(Connection.this, e);
                return;
            }
            deliver(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            heard();
            ServerMessage message;
            try {
                message = codec.decodeServer(bytes);
            } catch (ProtocolException e) {
                handler.onMalformed(Connection.this, e);
                return;
            }
            deliver(message);
        }

        private void deliver(ServerMessage message) {
            handling = true;
            try {
                handler.onFrame(Connection.this, message);
            } finally {
                handling = false;
                heard(); // the frames that came meanwhile wait in the socket: not a silence of the server's
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            Heartbeat.SHARED.remove(Connection.this);
            try {
                if (closed.compareAndSet(false, true)) {
                    handler.onClosed(Connection.this, new ConnectionEnd(code, scrub.apply(reason), remote, error,
                            opened, displayUri, maxFrameBytes));
                }
            } finally {
                ended.countDown();
            }
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows and explains; the exception text of a failed connect is enough at debug level
            error = ex;
            LOG.debug("connection #{} to {}: {}", number, displayUri, scrub.apply(ex.toString()));
        }
    }

    /** Plain sockets with a read timeout for the opening handshake; {@link Client#onOpen} clears it. */
    private static final class HandshakeTimeoutSockets extends SocketFactory {
        private final int timeoutMillis;

        HandshakeTimeoutSockets(int timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public Socket createSocket() throws SocketException {
            Socket s = new Socket();
            s.setSoTimeout(timeoutMillis);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new UnsupportedOperationException("the client connects an unconnected socket itself");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new UnsupportedOperationException("the client connects an unconnected socket itself");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new UnsupportedOperationException("the client connects an unconnected socket itself");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            throw new UnsupportedOperationException("the client connects an unconnected socket itself");
        }
    }
}
