package dev.livetools.protocol;

import java.util.List;

/** Client message {@code toolResponse}: answers to one or more calls. */
public record ToolResponse(List<FunctionResponse> functionResponses) implements ClientMessage {

    public ToolResponse {
        if (functionResponses == null || functionResponses.isEmpty()) {
            throw new IllegalArgumentException("a toolResponse needs at least one function response");
        }
        functionResponses = List.copyOf(functionResponses);
    }

    /** A toolResponse answering a single call. */
    public static ToolResponse of(FunctionResponse response) {
        return new ToolResponse(List.of(response));
    }

    @Override
    public String kind() {
        return "toolResponse";
    }
}
