package dev.livetools.protocol;

import java.util.Objects;

/**
 * A Live frame that cannot be understood: not JSON, or a field of the wrong shape. {@link #field()} is the JSON path of
 * the culprit (for example {@code toolCall.functionCalls[0].name}); the message names it too. Unknown fields and
 * unknown message kinds are never a reason for this exception.
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ProtocolException(String field, String problem) {
        this(field, problem, null);
    }

    public ProtocolException(String field, String problem, Throwable cause) {
        super("malformed Live message at '" + Objects.requireNonNull(field, "field") + "': " + problem, cause);
        this.field = field;
    }

    /** The JSON path of the offending field; {@code $} for the frame as a whole. */
    public String field() {
        return field;
    }
}
