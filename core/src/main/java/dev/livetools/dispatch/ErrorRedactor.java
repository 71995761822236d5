package dev.livetools.dispatch;

/**
 * Decides what the model is told about an unexpected exception (an {@code INTERNAL} error). The model always sees the
 * exception's class name and a correlation id under which the host logged the exception in full, never a stack
 * trace. By default that is all ({@link #classNameOnly()}): exception texts of third-party libraries carry secrets
 * (a JDBC URL with its password), paths and personal data. A redactor may pass on a cleaned text instead.
 */
@FunctionalInterface
public interface ErrorRedactor {

    /**
     * The message to send for {@code error}.
     *
     * @param toolName the tool that failed
     * @param error the exception the tool threw (already unwrapped from futures)
     * @return the text the model sees, or {@code null} for the standard one: the tool failed unexpectedly, with the
     *         exception's simple class name and the correlation id
     */
    String redact(String toolName, Throwable error);

    /** Sends the exception's own message unchanged; only for tools whose exceptions are known to carry no secrets. */
    static ErrorRedactor messageAsIs() {
        return (toolName, error) -> error.getMessage();
    }

    /** Sends none of the exception's text, only its class name and the correlation id: the default. */
    static ErrorRedactor classNameOnly() {
        return (toolName, error) -> null;
    }
}
