package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One call the model asks for: {@code toolCall.functionCalls[i]}. {@code id} is opaque (MLDev
 * {@code function-call-<n>}, Vertex UUIDs) and may be absent in old or test traffic; {@code args} is never
 * {@code null} here: absent args become an empty object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "name", "args"})
public record FunctionCall(String id, String name, ObjectNode args) {

    public FunctionCall {
        Objects.requireNonNull(name, "name");
        args = args == null ? JsonNodeFactory.instance.objectNode() : args;
    }
}
