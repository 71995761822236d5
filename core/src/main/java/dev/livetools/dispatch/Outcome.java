package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;
import java.util.Objects;

/**
 * What one call comes to: the {@code response} object the model gets, the scheduling a NON_BLOCKING result asked
 * for, and the error type when it failed. Produced once per call and answered once.
 *
 * @param payload the {@code functionResponses[].response} object
 * @param scheduling the result's own scheduling, or {@code null} for the tool's
 * @param error the error type, or {@code null} for a result
 */
record Outcome(ObjectNode payload, Scheduling scheduling, ErrorType error) {

    Outcome {
        Objects.requireNonNull(payload, "payload");
    }

    static Outcome failure(ObjectNode payload, ErrorType error) {
        return new Outcome(payload, null, Objects.requireNonNull(error, "error"));
    }
}
