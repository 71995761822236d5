package dev.livetools.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error the tool wants the model to see, so it can tell the user or try again differently.
 *
 * <p>The model receives {@code {"error":{"type":"TOOL_ERROR","message":<message>,"retryable":..., ...details}}}.
 * Write the message for the model: say what was wrong and what would work, e.g.
 * {@code "No room named 'garage'; known rooms: kitchen, hall"}. Any other exception a tool throws reaches the model
 * only as its class name and message, as an {@code INTERNAL} error.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Map<String, Object> details;

    /**
     * An error with a message for the model, not retryable, without details.
     *
     * @param message what went wrong, for the model; must not be {@code null}
     */
    public ToolException(String message) {
        this(message, false, Map.of(), null);
    }

    /**
     * An error with a message and structured details the model can act on (valid options, limits, ...).
     *
     * @param message what went wrong, for the model; must not be {@code null}
     * @param retryable whether the same call may succeed later
     * @param details extra fields for the model; values must be serialisable to JSON
     */
    public ToolException(String message, boolean retryable, Map<String, ?> details) {
        this(message, retryable, details, null);
    }

    /**
     * An error caused by another exception. Only {@code message} reaches the model, never the cause.
     *
     * @param message what went wrong, for the model; must not be {@code null}
     * @param cause the underlying exception, kept for logs
     */
    public ToolException(String message, Throwable cause) {
        this(message, false, Map.of(), cause);
    }

    private ToolException(String message, boolean retryable, Map<String, ?> details, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.retryable = retryable;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /**
     * Whether the same call may succeed if tried again later.
     *
     * @return {@code true} if retrying may help
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Structured fields sent to the model beside the message, in insertion order.
     *
     * @return an unmodifiable map, empty when there are none
     */
    public Map<String, Object> details() {
        return details;
    }
}
