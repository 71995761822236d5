package dev.livetools.testkit.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.livetools.testkit.RecordedFrame;

/**
 * The WebSocket transport of the emulator, on Java-WebSocket. Every write the emulator causes goes through
 * {@link WriteDemandGuard} (see there for the library defect it covers): our own sends and closes, and the frames
 * the library writes by itself from worker threads (close echoes, pongs).
 */
final class EmulatorServer extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private final EmulatorEngine engine;
    private final int maxFrameSize;
    private final WriteDemandGuard guard = new WriteDemandGuard(this);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    EmulatorServer(InetSocketAddress address, EmulatorEngine engine, SSLContext tls, int maxFrameSize) {
        // Draft_6455 accepts frames of any announced size unless given a limit, and allocates the announced size:
        // a 2 GB header would kill the selector thread (live-protocol.md Gotcha 24). With a limit the library
        // refuses a larger frame with close 1009 before allocating.
        super(address, 2, List.of(new Draft_6455(List.of(), List.of(new Protocol("")), maxFrameSize)));
        this.maxFrameSize = maxFrameSize;
        this.engine = engine;
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        // The library's keep-alive pings come from a timer thread: another unguarded writer. The service does not
        // need them either; clients keep their own timeouts.
        setConnectionLostTimeout(0);
        if (tls != null) {
            setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
    }

    /** Starts and waits until the socket is bound; a bind failure is rethrown. */
    void startAndWait() {
        refuseATakenPort();
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("LiveEmulator: the server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("LiveEmulator: interrupted while starting", e);
        }
        if (startFailure instanceof java.net.BindException) {
            throw new dev.livetools.testkit.LiveEmulator.PortInUseException(getAddress().getPort(), startFailure);
        }
        if (startFailure != null) {
            throw new IllegalStateException("LiveEmulator: cannot listen on " + getAddress() + ": "
                    + startFailure.getMessage(), startFailure);
        }
    }

    /**
     * Java-WebSocket reports a failed bind as a fatal error with a logged stack trace; a port taken by another program
     * is an everyday mistake that deserves one line, so try the port first. (A program taking it in between still
     * gets the same exception, through {@link #onError}.)
     */
    private void refuseATakenPort() {
        if (getAddress().getPort() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(getAddress());
        } catch (java.net.BindException e) {
            throw new dev.livetools.testkit.LiveEmulator.PortInUseException(getAddress().getPort(), e);
        } catch (java.io.IOException e) {
            // Not a taken port: let the server's own bind report it.
        }
    }

    /**
     * Queues an HTTP 404 whose status line and body carry {@code explanation}, ahead of the library's own fixed
     * "404 WebSocket Upgrade Failure" (written when the handshake callback throws): a client reads the first response
     * and can show why, where the library's text says nothing. The bytes after it go to a connection being closed.
     */
    void explainRefusal(WebSocket socket, String explanation) {
        if (!(socket instanceof org.java_websocket.WebSocketImpl impl)) {
            return;
        }
        String phrase = explanation.replaceAll("[^\\x20-\\x7E]", "?");
        String body = phrase + "\n";
        String response = "HTTP/1.1 404 " + phrase + "\r\nContent-Type: text/plain; charset=us-ascii\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        impl.outQueue.add(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
    }

    WriteDemandGuard guard() {
        return guard;
    }

    void sendBinary(WebSocket socket, byte[] frame) {
        socket.send(frame);
        guard.afterSend(socket);
    }

    void close(WebSocket socket, int code, String reason) {
        socket.close(code, reason);
        guard.afterSend(socket);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
        engine.admit(socket, request, this);
        return response;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        // The peer was attached during the handshake; nothing is sent before the client's setup.
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        Peer peer = socket.getAttachment();
        if (peer != null) {
            peer.onFrame(message, RecordedFrame.Kind.TEXT);
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        Peer peer = socket.getAttachment();
        if (peer == null) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(message).toString();
        } catch (CharacterCodingException e) {
            // The service parses a binary frame as JSON text, which must be UTF-8 (RFC 8259 §8.1).
            peer.onInvalidText(RecordedFrame.Kind.BINARY, message.capacity());
            return;
        }
        peer.onFrame(text, RecordedFrame.Kind.BINARY);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        guard.release(socket);
        Peer peer = socket.getAttachment();
        if (peer != null) {
            peer.onClosed(code, reason, remote);
        }
    }

    @Override
    public void onCloseInitiated(WebSocket socket, int code, String reason) {
        guard.afterSend(socket);
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason, boolean remote) {
        guard.afterSend(socket);
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        super.onWebsocketPing(socket, ping);
        guard.afterSend(socket);
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null && started.getCount() > 0) {
            startFailure = error;
            started.countDown();
            return;
        }
        Peer peer = socket == null ? null : socket.getAttachment();
        if (peer != null && error instanceof LimitExceededException) {
            // The library closes with 1009 next; say why in the frame log and the scenario report.
            peer.noteLibraryClose("a frame larger than the emulator's " + maxFrameSize + "-byte limit");
        } else if (peer != null && error instanceof InvalidDataException invalid
                && invalid.getCloseCode() == CloseFrame.NO_UTF8) {
            peer.noteLibraryClose("invalid UTF-8 text in a text frame");
        }
        LOG.debug("LiveEmulator connection error", error);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    void shutdown() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            guard.close();
        }
    }
}
