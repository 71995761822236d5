package dev.livetools.protocol;

import java.util.List;

/** Client message {@code toolResponse}: answers to one or more calls. */
public record ToolResponse(List<FunctionResponse> functionResponses) {

    public ToolResponse {
        if (functionResponses == null || functionResponses.isEmpty()) {
            throw new IllegalArgumentException("a toolResponse needs at least one function response");
        }
        functionResponses = List.copyOf(functionResponses);
    }
}
