package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.dispatch.CallEvent;
import dev.livetools.protocol.UsageMetadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** sendTurn's bookkeeping: one turn at a time, each answer gathered from the events up to its turnComplete. */
class TurnCollectorTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final TurnCollector turns = new TurnCollector(sent::add);

    @Test
    void aTurnGathersTextToolCallsAndUsageUntilTurnComplete() throws Exception {
        CompletableFuture<ModelTurn> turn = turns.submit("Lights on");
        turns.onEvent(new SessionEvent.ToolCall(CallEvent.Kind.QUEUED, "c1", "setLight", Duration.ZERO, null, null));
        turns.onEvent(new SessionEvent.ToolCall(CallEvent.Kind.FINISHED, "c1", "setLight", Duration.ofMillis(5),
                null, null));
        turns.onEvent(new SessionEvent.Text("thinking", true));
        turns.onEvent(new SessionEvent.Text("The light ", false));
        turns.onEvent(new SessionEvent.Text("is on.", false));
        turns.onEvent(new SessionEvent.Usage(UsageMetadata.of(10, 5)));
        assertThat(turn).isNotDone();
        turns.onEvent(new SessionEvent.TurnComplete(null, false));

        ModelTurn done = turn.get();
        assertThat(done.text()).isEqualTo("The light is on.");
        assertThat(done.toolCalls()).singleElement().extracting(SessionEvent.ToolCall::stage)
                .isEqualTo(CallEvent.Kind.FINISHED);
        assertThat(done.usageMetadata()).contains(UsageMetadata.of(10, 5));
        assertThat(sent).containsExactly("Lights on");
    }

    @Test
    void aSecondTurnIsSentOnlyWhenTheFirstCompletes() {
        CompletableFuture<ModelTurn> first = turns.submit("one");
        CompletableFuture<ModelTurn> second = turns.submit("two");
        assertThat(sent).containsExactly("one");
        turns.onEvent(new SessionEvent.Text("1", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(sent).containsExactly("one", "two");
        turns.onEvent(new SessionEvent.Text("2", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(first.join().text()).isEqualTo("1");
        assertThat(second.join().text()).isEqualTo("2");
    }

    @Test
    void theSessionClosingFailsEveryTurnStillWaiting() {
        CompletableFuture<ModelTurn> first = turns.submit("one");
        CompletableFuture<ModelTurn> second = turns.submit("two");
        turns.onEvent(new SessionEvent.Connection(ConnectionState.CLOSED, "closed by the application"));
        for (CompletableFuture<ModelTurn> f : List.of(first, second)) {
            Assertions.assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LiveSessionException.class).hasMessageContaining("closed by the application");
        }
        assertThat(turns.submit("three")).isCompletedExceptionally();
    }

    @Test
    void anInterruptedTurnSaysSo() {
        CompletableFuture<ModelTurn> turn = turns.submit("long story");
        turns.onEvent(new SessionEvent.Interrupted());
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(turn.join().interrupted()).isTrue();
    }
}
