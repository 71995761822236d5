package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;
import java.util.Objects;

/**
 * One answer in {@code toolResponse.functionResponses}. {@code response} is always a JSON object (a proto Struct).
 * {@code scheduling} and {@code willContinue} are only ever set for NON_BLOCKING tools.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "response", "scheduling", "willContinue"})
public record FunctionResponse(String id, String name, ObjectNode response, Scheduling scheduling,
                               Boolean willContinue) {

    public FunctionResponse {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(response, "response");
    }

    /** A BLOCKING-style response: no scheduling, no continuation. */
    public static FunctionResponse of(String id, String name, ObjectNode response) {
        return new FunctionResponse(id, name, response, null, null);
    }
}
