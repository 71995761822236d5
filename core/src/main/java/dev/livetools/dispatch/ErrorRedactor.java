package dev.livetools.dispatch;

/**
 * Decides what the model is told about an unexpected exception (an {@code INTERNAL} error). The model only ever sees
 * the exception's class name and the text returned here, never a stack trace; use this hook to strip secrets, paths
 * or personal data that exception messages of third-party libraries may contain.
 */
@FunctionalInterface
public interface ErrorRedactor {

    /**
     * The message to send for {@code error}.
     *
     * @param toolName the tool that failed
     * @param error the exception the tool threw (already unwrapped from futures)
     * @return the text the model sees, or {@code null} to send no message
     */
    String redact(String toolName, Throwable error);

    /** Sends the exception's own message unchanged: the default. */
    static ErrorRedactor messageAsIs() {
        return (toolName, error) -> error.getMessage();
    }

    /** Sends no message at all, only the exception's class name. */
    static ErrorRedactor classNameOnly() {
        return (toolName, error) -> null;
    }
}
