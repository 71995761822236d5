package dev.livetools.testkit;

import dev.livetools.session.SessionEvent;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link LiveToolsTester#run}: the emulator's verdict on the scenario and every event the client
 * session saw (text, tool call stages with timings, connection changes), in order.
 */
public record ToolRun(ScenarioResult result, List<SessionEvent> events) {

    public ToolRun {
        Objects.requireNonNull(result, "result");
        events = List.copyOf(events);
    }

    public boolean passed() {
        return result.passed();
    }

    /** The scenario report, for assertion messages. */
    public String report() {
        return result.report();
    }

    /** The session's tool call events, in order. */
    public List<SessionEvent.ToolCall> toolCalls() {
        return events.stream().filter(SessionEvent.ToolCall.class::isInstance).map(SessionEvent.ToolCall.class::cast)
                .toList();
    }
}
