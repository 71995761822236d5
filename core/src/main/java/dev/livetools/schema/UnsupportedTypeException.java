package dev.livetools.schema;

/** A Java type that cannot be expressed in Gemini's schema subset; discovery turns it into a named problem. */
public final class UnsupportedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTypeException(String message) {
        super(message);
    }
}
