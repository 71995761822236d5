package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ledger behind "every call answered exactly once, across reconnects". Each fixture is built per test: the
 * ledger is the code under test. Channels stand for connections.
 */
@Timeout(10)
class CallLedgerTest {

    private final Object first = new Object();
    private final Object second = new Object();
    private final Object third = new Object();

    private static FunctionCall call(String id) {
        return new FunctionCall(id, "tool", null);
    }

    private static FunctionResponse answer(String id) {
        return FunctionResponse.of(id, "tool", JsonNodeFactory.instance.objectNode().put("output", id));
    }

    private static FunctionResponse partial(String id) {
        return new FunctionResponse(id, "tool", JsonNodeFactory.instance.objectNode().put("output", "part"), null,
                true);
    }

    /** A ledger holding call {@code id}, answered and written to {@code channel}. */
    private CallLedger answeredOn(String id, Object channel) {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call(id), channel, 0);
        ledger.accept(answer(id));
        assertThat(ledger.drainPending(channel)).extracting(FunctionResponse::id).containsExactly(id);
        return ledger;
    }

    @Test
    void aNewCallIsNewAndASecondAnnouncementOnTheSameConnectionIsADuplicate() {
        CallLedger ledger = new CallLedger(100);

        assertThat(ledger.announce(call("a"), first, 0)).isEqualTo(CallLedger.Announcement.NEW);
        assertThat(ledger.announce(call("a"), first, 0)).isEqualTo(CallLedger.Announcement.DUPLICATE);
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.RUNNING);
    }

    @Test
    void aConfirmedAnswerIsNotSentAgainWhenItsConnectionDrops() {
        CallLedger ledger = answeredOn("a", first);
        ledger.confirm(first);

        assertThat(ledger.lost(first)).isZero();
        assertThat(ledger.hasPending()).isFalse();
    }

    @Test
    void anUnconfirmedAnswerGoesBackToTheFrontOfTheQueueWhenItsConnectionDrops() {
        CallLedger ledger = answeredOn("a", first);
        ledger.announce(call("b"), first, 0);
        ledger.accept(answer("b"));

        assertThat(ledger.lost(first)).isEqualTo(1);
        assertThat(ledger.drainPending(second)).extracting(FunctionResponse::id).containsExactly("a", "b");
    }

    @Test
    void aConfirmationOnAnotherConnectionConfirmsNothingHere() {
        CallLedger ledger = answeredOn("a", first);
        ledger.confirm(second);

        assertThat(ledger.lost(first)).isEqualTo(1);
    }

    @Test
    void aReannouncedCallIsNotRunAgainButItsDeliveredAnswerIsQueuedAgain() {
        CallLedger ledger = answeredOn("a", first);
        ledger.confirm(first);

        assertThat(ledger.announce(call("a"), second, 0)).isEqualTo(CallLedger.Announcement.REANNOUNCED);
        assertThat(ledger.drainPending(second)).extracting(FunctionResponse::id).containsExactly("a");
    }

    @Test
    void eachReannouncementResendsTheAnswerOnceNotOncePerEarlierDelivery() {
        CallLedger ledger = answeredOn("a", first);
        ledger.confirm(first);
        ledger.announce(call("a"), second, 0);
        ledger.drainPending(second);
        ledger.confirm(second);

        ledger.announce(call("a"), third, 0);

        assertThat(ledger.drainPending(third)).hasSize(1);
    }

    @Test
    void aReannouncementWhileTheAnswerIsStillInFlightQueuesNothingMore() {
        CallLedger ledger = answeredOn("a", first);

        assertThat(ledger.announce(call("a"), second, 0)).isEqualTo(CallLedger.Announcement.REANNOUNCED);
        assertThat(ledger.hasPending()).isFalse();
    }

    @Test
    void aPartialAnswerKeepsTheCallRunningAndTheFinalOneSettlesIt() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("a"), first, 0);

        assertThat(ledger.accept(partial("a"))).isEqualTo(CallLedger.Acceptance.PARTIAL);
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.RUNNING);
        assertThat(ledger.accept(answer("a"))).isEqualTo(CallLedger.Acceptance.FINAL);
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.ANSWERED);
        assertThat(ledger.accept(answer("a"))).isEqualTo(CallLedger.Acceptance.DROPPED);
        assertThat(ledger.drainPending(first)).hasSize(2);
    }

    @Test
    void anAnswerForAnIdTheLedgerNeverSawIsUnknown() {
        assertThat(new CallLedger(100).accept(answer("x"))).isEqualTo(CallLedger.Acceptance.UNKNOWN);
    }

    @Test
    void cancellingARunningCallMarksItCancelledAndDropsItsLaterAnswer() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("a"), first, 0);

        assertThat(ledger.cancel(List.of("a", "unknown"))).extracting(CallLedger.Entry::id).containsExactly("a");
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.CANCELLED);
        assertThat(ledger.accept(answer("a"))).isEqualTo(CallLedger.Acceptance.DROPPED);
        assertThat(ledger.hasPending()).isFalse();
    }

    @Test
    void cancellingAnAnswerNotYetWrittenUnqueuesIt() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("a"), first, 0);
        ledger.accept(answer("a"));

        assertThat(ledger.cancel(List.of("a"))).hasSize(1);
        assertThat(ledger.hasPending()).isFalse();
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.CANCELLED);
    }

    @Test
    void cancellingAnAnswerAlreadyWrittenChangesNothing() {
        CallLedger ledger = answeredOn("a", first);

        assertThat(ledger.cancel(List.of("a"))).isEmpty();
        assertThat(ledger.get("a").status()).isEqualTo(CallLedger.Status.ANSWERED);
    }

    @Test
    void abandoningGivesUpRunningCallsAndAnswersStillQueued() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("delivered"), first, 0);
        ledger.accept(answer("delivered"));
        ledger.drainPending(first);
        ledger.confirm(first);
        ledger.announce(call("running"), first, 0);
        ledger.announce(call("queued"), first, 0);
        ledger.accept(answer("queued"));

        assertThat(ledger.abandonOutstanding(false)).extracting(CallLedger.Entry::id)
                .containsExactly("running", "queued");
        assertThat(ledger.get("queued").status()).isEqualTo(CallLedger.Status.UNANSWERED);
        assertThat(ledger.get("delivered").status()).isEqualTo(CallLedger.Status.ANSWERED);
        assertThat(ledger.hasPending()).isFalse();
    }

    @Test
    void abandoningGivesUpAnswersWrittenButUnconfirmedUnlessWrittenCountsAsDelivered() {
        CallLedger dropped = answeredOn("a", first);
        CallLedger closedCleanly = answeredOn("a", first);

        assertThat(dropped.abandonOutstanding(false)).extracting(CallLedger.Entry::id).containsExactly("a");
        assertThat(closedCleanly.abandonOutstanding(true)).isEmpty();
        assertThat(closedCleanly.get("a").status()).isEqualTo(CallLedger.Status.ANSWERED);
        assertThat(closedCleanly.lost(first)).isZero();
    }

    @Test
    void beyondItsCapacityTheLedgerForgetsTheOldestSettledCalls() {
        CallLedger ledger = new CallLedger(2);
        for (String id : List.of("a", "b", "c")) {
            ledger.announce(call(id), first, 0);
            ledger.accept(answer(id));
            ledger.drainPending(first);
            ledger.confirm(first);
        }

        assertThat(ledger.get("a")).isNull();
        assertThat(ledger.get("b")).isNotNull();
        assertThat(ledger.get("c")).isNotNull();
    }

    @Test
    void runningCallsAndUndeliveredAnswersAreNeverForgotten() {
        CallLedger ledger = new CallLedger(1);
        ledger.announce(call("running"), first, 0);
        ledger.announce(call("queued"), first, 0);
        ledger.accept(answer("queued"));
        ledger.announce(call("third"), first, 0);

        assertThat(ledger.get("running")).isNotNull();
        assertThat(ledger.get("queued")).isNotNull();
        assertThat(ledger.get("third")).isNotNull();
    }

    @Test
    void theEntryRemembersWhenTheCallWasQueued() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("a"), first, 1234);

        assertThat(ledger.get("a").queuedNanos()).isEqualTo(1234);
        assertThat(ledger.get("a").name()).isEqualTo("tool");
    }
    @Test
    void anAnswerPutBackOnceIsNotPutBackTwice() {
        CallLedger ledger = answeredOn("a", first);

        assertThat(ledger.lost(first)).isEqualTo(1);
        assertThat(ledger.lost(first)).isZero();
        assertThat(ledger.drainPending(second)).hasSize(1);
    }

    @Test
    void cancellingOneQueuedAnswerLeavesTheOthersQueued() {
        CallLedger ledger = new CallLedger(100);
        ledger.announce(call("a"), first, 0);
        ledger.announce(call("b"), first, 0);
        ledger.accept(answer("a"));
        ledger.accept(answer("b"));

        ledger.cancel(List.of("a"));

        assertThat(ledger.drainPending(first)).extracting(FunctionResponse::id).containsExactly("b");
    }

    @Test
    void afterAbandoningNothingWrittenEarlierComesBackWhenTheConnectionDrops() {
        CallLedger ledger = answeredOn("a", first);
        ledger.abandonOutstanding(false);

        assertThat(ledger.lost(first)).isZero();
        assertThat(ledger.hasPending()).isFalse();
    }

    @Test
    void aNewCallBeyondCapacityEvictsSettledCallsAtOnce() {
        CallLedger small = new CallLedger(1);
        small.announce(call("a"), first, 0);
        small.accept(answer("a"));
        small.drainPending(first);
        small.confirm(first);

        small.announce(call("b"), first, 0);

        assertThat(small.get("a")).isNull();
        assertThat(small.get("b")).isNotNull();
    }

    @Test
    void aConfirmationThatSettlesCallsBeyondCapacityEvictsThem() {
        CallLedger ledger = new CallLedger(1);
        ledger.announce(call("a"), first, 0);
        ledger.accept(answer("a"));
        ledger.drainPending(first);
        ledger.announce(call("b"), first, 0);
        assertThat(ledger.get("a")).as("still in flight, so kept").isNotNull();

        ledger.confirm(first);

        assertThat(ledger.get("a")).isNull();
        assertThat(ledger.get("b")).isNotNull();
    }
}
