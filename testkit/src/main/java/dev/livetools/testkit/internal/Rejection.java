package dev.livetools.testkit.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Why the emulator closes a connection: the close code and the full reason. On the wire the reason is cut to the
 * 123-byte limit of a close frame, as the real service does ("...bidiGenerateContent. Call"); the full text stays
 * in the emulator's records so a test can read the culprit.
 */
record Rejection(int code, String reason) {

    /** RFC 6455 §5.5: a control frame payload is at most 125 bytes, two of which hold the code. */
    public static final int MAX_REASON_BYTES = 123;

    /** 1007: the payload is invalid (bad setup, second setup, malformed JSON, unknown field). */
    public static final int INVALID_PAYLOAD = 1007;
    /** 1008: policy (unknown model, stale resumption handle). */
    public static final int POLICY = 1008;
    /** 1011: the server gave up (a failed scenario ends the connection this way). */
    public static final int INTERNAL = 1011;

    public static final String INVALID_ARGUMENT = "Request contains an invalid argument.";

    public Rejection {
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection invalid(String reason) {
        return new Rejection(INVALID_PAYLOAD, reason);
    }

    /** The reason as it goes on the wire: at most 123 UTF-8 bytes, never a split character. */
    public String wireReason() {
        return truncate(reason);
    }

    static String truncate(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(MAX_REASON_BYTES);
        CharBuffer in = CharBuffer.wrap(text);
        CoderResult result = encoder.encode(in, out, true);
        if (result.isUnderflow()) {
            return text;
        }
        return text.substring(0, in.position());
    }
}
