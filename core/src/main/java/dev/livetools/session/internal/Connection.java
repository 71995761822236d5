package dev.livetools.session.internal;

import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.ServerMessage;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection of a session: sends {@code setup} as soon as it opens, decodes every frame (binary or
 * text) on its read thread and hands it to the session. The session decides what a frame means.
 */
public final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /** What the session does with a connection's traffic. Called on the connection's read thread. */
    public interface Handler {
        void onFrame(Connection connection, ServerMessage message);

        void onMalformed(Connection connection, ProtocolException problem);

        void onClosed(Connection connection, int code, String reason, boolean byServer);
    }

    private final int number;
    private final String displayUri;
    private final Client client;
    private final Handler handler;
    private final LiveCodec codec;
    private final String setupJson;
    private final boolean resumes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean setupComplete;

    public Connection(int number, URI uri, String displayUri, Map<String, String> headers, String setupJson,
                      boolean resumes, LiveCodec codec, Handler handler, int connectTimeoutMillis) {
        this.resumes = resumes;
        this.number = number;
        this.displayUri = displayUri;
        this.handler = handler;
        this.codec = codec;
        this.setupJson = setupJson;
        this.client = new Client(uri, headers, connectTimeoutMillis);
        this.client.setTcpNoDelay(true);
    }

    /** Starts connecting; the outcome arrives through the handler. */
    public void open() {
        LOG.debug("connection #{} opening {}", number, displayUri);
        client.connect();
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

    private void deliver(ServerMessage message) {
        handler.onFrame(this, message);
    }

    private final class Client extends WebSocketClient {

        Client(URI uri, Map<String, String> headers, int connectTimeoutMillis) {
            super(uri, new org.java_websocket.drafts.Draft_6455(), headers, connectTimeoutMillis);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // setup must be the first message on the connection
            send(setupJson);
        }

        @Override
        public void onMessage(String text) {
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
            ServerMessage message;
            try {
                message = codec.decodeServer(bytes);
            } catch (ProtocolException e) {
                handler.onMalformed(Connection.this, e);
                return;
            }
            deliver(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (closed.compareAndSet(false, true)) {
                handler.onClosed(Connection.this, code, reason, remote);
            }
        }

        @Override
        public void onError(Exception ex) {
            // onClose follows; the exception text of a failed connect is enough at debug level
            LOG.debug("connection #{} to {}: {}", number, displayUri, ex.toString());
        }
    }
}
