package dev.livetools.session;


import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * How a connection ended: the close code and reason, who closed it, and the I/O error behind it if any, in words a
 * person understands. The reason is already scrubbed of secrets when this is made; of the error only the type (and
 * a TLS failure's own text) is shown.
 *
 * @param code      the WebSocket close code (-1 when the connection never opened)
 * @param reason    the close reason, possibly empty
 * @param byServer  whether the server closed it (a close frame or the TCP connection from its side)
 * @param error     the error that ended it, or {@code null}
 * @param opened    whether the WebSocket handshake had completed
 * @param where     the URL, with secrets masked
 * @param maxFrameBytes the client's frame size limit (for the 1009 explanation)
 */
record ConnectionEnd(int code, String reason, boolean byServer, Throwable error, boolean opened,
                            String where, int maxFrameBytes) {

    /** The protocol cuts close reasons at 123 bytes (RFC 6455 5.5: 125-byte control payload minus the code). */
    static final int MAX_REASON_BYTES = 123;

    public ConnectionEnd {
        reason = reason == null ? "" : reason;
    }

    /** A connection that could not even be prepared (e.g. the token supplier failed). */
    public static ConnectionEnd failed(RuntimeException e) {
        return new ConnectionEnd(LiveSessionException.NO_CLOSE_CODE, String.valueOf(e.getMessage()), false, e, false,
                "", 0);
    }

    /** What happened, for logs, events and exceptions. */
    public String explain() {
        Throwable cause = rootCause();
        if (cause instanceof ConnectException) {
            return "the connection to " + where + " was refused: nothing listens there (is the server running, and "
                    + "is the port right?)";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host in " + where + " (check the URL)";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to the host of " + where;
        }
        if (!opened && code == LiveSessionException.NO_CLOSE_CODE && (cause == null
                || cause instanceof SocketTimeoutException)) {
            return "no answer to the opening handshake from " + where + " within the connect timeout"
                    + (where.startsWith("wss:") ? "; a wss:// URL needs a server that speaks TLS, and a plain server "
                    + "(such as the local emulator) never answers the TLS hello: use ws:// for it" : "");
        }
        if (cause instanceof SSLException) {
            return tlsFailure(cause);
        }
        if (!byServer && code == 1007) {
            return "close code 1007: the server sent a text frame that is not valid UTF-8, so the client closed "
                    + "the connection";
        }
        if (!byServer && code == 1009) {
            return "close code 1009: the server sent a frame larger than the client's limit of " + maxFrameBytes
                    + " bytes, so the client closed the connection before reading it (LiveSession.Builder"
                    + ".maxFrameBytes raises the limit)";
        }
        return CloseCodes.explain(code, reasonAsShown());
    }

    /** The message when the very first connection ends before {@code setupComplete}. */
    public String beforeSetup(String uri) {
        // without an opened WebSocket nothing was closed by the server: the client could not get a connection
        if (!opened) {
            return "could not connect: " + explain();
        }
        return "the server closed the connection to " + uri + " before setupComplete: " + explain();
    }

    /** Whether reconnecting (with resumption) can help. */
    public boolean retryable() {
        return CloseCodes.retryable(code, reason);
    }

    /** The stale-handle close: retry, but as a new session without the handle. */
    public boolean staleHandle() {
        return CloseCodes.staleHandle(code, reason);
    }

    /** The reason, marked when it is as long as the protocol allows and so was probably cut short. */
    private String reasonAsShown() {
        if (reason.getBytes(StandardCharsets.UTF_8).length >= MAX_REASON_BYTES - 3) {
            return reason + "... (cut short: the protocol limits close reasons to " + MAX_REASON_BYTES + " bytes)";
        }
        return reason;
    }

    private String tlsFailure(Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (where.startsWith("wss:")) {
            return "the TLS handshake with " + where + " failed (" + detail + "): a wss:// URL needs a server that "
                    + "speaks TLS; for a plain server such as the local emulator use ws://";
        }
        return "the TLS handshake with " + where + " failed (" + detail + ")";
    }

    private Throwable rootCause() {
        Throwable t = error;
        while (t != null && t.getCause() != null && t.getCause() != t && !(t instanceof SSLException)) {
            t = t.getCause();
        }
        return t;
    }
}
