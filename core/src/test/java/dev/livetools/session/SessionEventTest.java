package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.dispatch.CallEvent;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an application can tell from an event alone. */
@Timeout(10)
class SessionEventTest {

    @Test
    void aToolCallsLastEventIsItsAnswerItsCancellationOrGivingUp() {
        EnumSet<CallEvent.Kind> last = EnumSet.of(CallEvent.Kind.FINISHED, CallEvent.Kind.FAILED,
                CallEvent.Kind.CANCELLED, CallEvent.Kind.UNANSWERED);
        for (CallEvent.Kind stage : CallEvent.Kind.values()) {
            SessionEvent.ToolCall event = new SessionEvent.ToolCall(stage, "c1", "setLight", Duration.ZERO, null, null);
            assertThat(event.isFinal()).as(stage.name()).isEqualTo(last.contains(stage));
        }
    }
}
