package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.dispatch.CallEvent;
import dev.livetools.protocol.UsageMetadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sendTurn's bookkeeping: one turn at a time, each answer gathered from the events up to its turnComplete. The
 * collector completes futures on the calling thread, so every result is read at once ({@link #done}): a turn that
 * should have completed and did not fails the test instead of waiting for it.
 */
@Timeout(10)
class TurnCollectorTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final TurnCollector turns = new TurnCollector(sent::add);

    /** The turn's result, which must be there already. */
    private static ModelTurn done(CompletableFuture<ModelTurn> turn) throws Exception {
        assertThat(turn).as("completed by the event that ended it").isDone();
        return turn.get(0, TimeUnit.SECONDS);
    }

    private static SessionEvent.ToolCall toolEvent(CallEvent.Kind stage, String id) {
        return new SessionEvent.ToolCall(stage, id, "setLight", Duration.ZERO, null, null);
    }

    @Test
    void aTurnGathersTextToolCallsAndUsageUntilTurnComplete() throws Exception {
        CompletableFuture<ModelTurn> turn = turns.submit("Lights on");
        turns.onEvent(toolEvent(CallEvent.Kind.QUEUED, "c1"));
        turns.onEvent(new SessionEvent.ToolCall(CallEvent.Kind.FINISHED, "c1", "setLight", Duration.ofMillis(5),
                null, null));
        turns.onEvent(new SessionEvent.Text("thinking", true));
        turns.onEvent(new SessionEvent.Text("The light ", false));
        turns.onEvent(new SessionEvent.Text("is on.", false));
        turns.onEvent(new SessionEvent.Usage(UsageMetadata.of(10, 5)));
        assertThat(turn).isNotDone();
        turns.onEvent(new SessionEvent.TurnComplete("STOP", false));

        ModelTurn result = done(turn);
        assertThat(result.text()).isEqualTo("The light is on.");
        assertThat(result.toolCalls()).singleElement().extracting(SessionEvent.ToolCall::stage)
                .isEqualTo(CallEvent.Kind.FINISHED);
        assertThat(result.usageMetadata()).contains(UsageMetadata.of(10, 5));
        assertThat(result.reason()).isEqualTo("STOP");
        assertThat(result.interrupted()).isFalse();
        assertThat(sent).containsExactly("Lights on");
    }

    @Test
    void aSecondTurnIsSentOnlyWhenTheFirstCompletes() throws Exception {
        CompletableFuture<ModelTurn> first = turns.submit("one");
        CompletableFuture<ModelTurn> second = turns.submit("two");
        assertThat(sent).containsExactly("one");
        turns.onEvent(new SessionEvent.Text("1", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(sent).containsExactly("one", "two");
        turns.onEvent(new SessionEvent.Text("2", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(done(first).text()).isEqualTo("1");
        assertThat(done(second).text()).isEqualTo("2");
    }

    @Test
    void eachTurnStartsEmptyWhateverThePreviousTurnGathered() throws Exception {
        CompletableFuture<ModelTurn> first = turns.submit("one");
        CompletableFuture<ModelTurn> second = turns.submit("two");
        turns.onEvent(new SessionEvent.Text("first answer", false));
        turns.onEvent(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "first words", true));
        turns.onEvent(toolEvent(CallEvent.Kind.FINISHED, "c1"));
        turns.onEvent(new SessionEvent.Usage(UsageMetadata.of(10, 5)));
        turns.onEvent(new SessionEvent.Interrupted());
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));

        ModelTurn later = done(second);
        assertThat(done(first).interrupted()).isTrue();
        assertThat(later.text()).isEmpty();
        assertThat(later.transcript()).isEmpty();
        assertThat(later.toolCalls()).isEmpty();
        assertThat(later.usageMetadata()).isEmpty();
        assertThat(later.interrupted()).isFalse();
    }

    @Test
    void theModelsOutputTranscriptIsGatheredAndTheUsersIsNot() throws Exception {
        CompletableFuture<ModelTurn> turn = turns.submit("say it");
        turns.onEvent(new SessionEvent.Transcript(SessionEvent.Direction.INPUT, "say it", true));
        turns.onEvent(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "Here ", false));
        turns.onEvent(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "it is.", true));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));

        ModelTurn result = done(turn);
        assertThat(result.transcript()).isEqualTo("Here it is.");
        assertThat(result.said()).isEqualTo("Here it is.");
    }

    @Test
    void aCallsLatestEventStandsForItAndCallsWithoutAnIdAreKeptApart() throws Exception {
        CompletableFuture<ModelTurn> turn = turns.submit("two lights");
        turns.onEvent(toolEvent(CallEvent.Kind.QUEUED, "c1"));
        turns.onEvent(toolEvent(CallEvent.Kind.QUEUED, null));
        turns.onEvent(toolEvent(CallEvent.Kind.QUEUED, null));
        turns.onEvent(toolEvent(CallEvent.Kind.FINISHED, "c1"));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));

        assertThat(done(turn).toolCalls()).extracting(SessionEvent.ToolCall::callId, SessionEvent.ToolCall::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", CallEvent.Kind.FINISHED),
                        org.assertj.core.groups.Tuple.tuple(null, CallEvent.Kind.QUEUED),
                        org.assertj.core.groups.Tuple.tuple(null, CallEvent.Kind.QUEUED));
    }

    @Test
    void eventsWhileNoTurnIsAwaitedAreIgnored() throws Exception {
        turns.onEvent(new SessionEvent.Text("unprompted", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        CompletableFuture<ModelTurn> turn = turns.submit("now");
        turns.onEvent(new SessionEvent.Text("answer", false));
        turns.onEvent(new SessionEvent.TurnComplete(null, false));

        assertThat(done(turn).text()).isEqualTo("answer");
    }

    @Test
    void theSessionClosingFailsEveryTurnStillWaiting() {
        CompletableFuture<ModelTurn> first = turns.submit("one");
        CompletableFuture<ModelTurn> second = turns.submit("two");
        turns.onEvent(new SessionEvent.Connection(ConnectionState.RECONNECTING, "attempt 1"));
        assertThat(first).as("a reconnect is not the end").isNotDone();
        turns.onEvent(new SessionEvent.Connection(ConnectionState.CLOSED, "closed by the application"));
        for (CompletableFuture<ModelTurn> f : List.of(first, second)) {
            assertThat(f).isCompletedExceptionally();
            assertThatThrownBy(() -> f.get(0, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LiveSessionException.class).hasMessageContaining("closed by the application");
        }
        assertThat(sent).as("the waiting turn is never sent").containsExactly("one");
    }

    @Test
    void aTurnSubmittedAfterTheSessionEndedFailsAtOnceAndIsNotSent() {
        turns.end("closed by the application");

        CompletableFuture<ModelTurn> late = turns.submit("three");

        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(() -> late.get(0, TimeUnit.SECONDS)).hasMessageContaining("the session is closed");
        assertThat(sent).isEmpty();
    }

    @Test
    void anInterruptedTurnSaysSo() throws Exception {
        CompletableFuture<ModelTurn> turn = turns.submit("long story");
        turns.onEvent(new SessionEvent.Interrupted());
        turns.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(done(turn).interrupted()).isTrue();
    }

    @Test
    void aTurnThatCannotBeSentFailsAndTheNextOneIsSent() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        TurnCollector failingOnce = new TurnCollector(text -> {
            if (text.equals("bad")) {
                throw new IllegalStateException("livetools-session-1 is closed");
            }
            delivered.add(text);
        });

        CompletableFuture<ModelTurn> bad = failingOnce.submit("bad");
        CompletableFuture<ModelTurn> good = failingOnce.submit("good");

        assertThat(bad).isCompletedExceptionally();
        assertThatThrownBy(() -> bad.get(0, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(delivered).containsExactly("good");
        failingOnce.onEvent(new SessionEvent.Text("ok", false));
        failingOnce.onEvent(new SessionEvent.TurnComplete(null, false));
        assertThat(done(good).text()).isEqualTo("ok");
    }
}
