package dev.livetools.protocol;

import java.util.List;

/** Server message {@code toolCallCancellation}: these call ids must be abandoned and not answered. */
public record ToolCallCancellation(List<String> ids) {

    public ToolCallCancellation {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
