package dev.livetools.session;

/**
 * A Live session could not be opened or continued. When the server closed the WebSocket, {@link #closeCode()} and
 * {@link #closeReason()} carry what it said and the message explains it in plain words. Never contains credentials.
 */
public final class LiveSessionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No close frame was involved (a timeout, a refused connection). */
    public static final int NO_CLOSE_CODE = -1;

    private final int closeCode;
    private final String closeReason;

    public LiveSessionException(String message, int closeCode, String closeReason) {
        super(message);
        this.closeCode = closeCode;
        this.closeReason = closeReason == null ? "" : closeReason;
    }

    public LiveSessionException(String message, Throwable cause) {
        super(message, cause);
        this.closeCode = NO_CLOSE_CODE;
        this.closeReason = "";
    }

    /** The WebSocket close code, or {@link #NO_CLOSE_CODE}. */
    public int closeCode() {
        return closeCode;
    }

    /** The server's close reason (truncated by the protocol to 123 bytes), or empty. */
    public String closeReason() {
        return closeReason;
    }
}
