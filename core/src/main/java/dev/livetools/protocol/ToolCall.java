package dev.livetools.protocol;

import java.util.List;

/** Server message {@code toolCall}: one or more calls, to be run (possibly in parallel) and answered by id. */
public record ToolCall(List<FunctionCall> functionCalls) {

    public ToolCall {
        functionCalls = functionCalls == null ? List.of() : List.copyOf(functionCalls);
    }
}
