package dev.livetools.dispatch.internal;

import dev.livetools.dispatch.DispatchListener;
import dev.livetools.dispatch.ErrorRedactor;
import dev.livetools.dispatch.ResponseMode;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a {@code ToolDispatcher.Builder} collected.
 *
 * @param listener the listener, or {@code null} for none (no events are even built)
 * @param validator the validator to use, or {@code null} for the shared one
 * @param executor where calls run, or {@code null} for virtual threads (21+) or a bounded pool (17)
 */
public record EngineSettings(Duration defaultTimeout, ResponseMode responseMode, int maxConcurrency,
                             ErrorRedactor redactor, DispatchListener listener, String sessionId, Validator validator,
                             Executor executor) {

    public EngineSettings {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(responseMode, "responseMode");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(sessionId, "sessionId");
        if (defaultTimeout.isZero() || defaultTimeout.isNegative()) {
            throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
        }
    }
}
