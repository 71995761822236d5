package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** When the next connection may open: backoff that only a stable connection resets, and the per-minute cap. */
@Timeout(10)
class ReconnectPolicyTest {

    private static final long SECOND = 1_000_000_000L;
    private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), 3, 4);

    @Test
    void backoffDoublesFromInitialUpToMaxWithinTheJitter() {
        assertThat(policy.backoff(1).toMillis()).isBetween(80L, 120L);
        assertThat(policy.backoff(2).toMillis()).isBetween(160L, 240L);
        assertThat(policy.backoff(3).toMillis()).isBetween(320L, 480L);
        assertThat(policy.backoff(30).toMillis()).isBetween(1600L, 2400L);
    }

    @Test
    void aSetupCompleteFollowedByAQuickEndDoesNotResetTheAttempts() {
        ReconnectPolicy.Tracker t = policy.tracker();
        long now = 0;
        assertThat(t.next(now)).isEqualTo(1);
        t.connected(now += SECOND / 10);
        assertThat(t.next(now += SECOND)).isEqualTo(2); // up for one second: not stable
        t.connected(now += SECOND / 10);
        assertThat(t.next(now + SECOND)).isEqualTo(3);
    }

    @Test
    void aConnectionThatStayedUpTenSecondsStartsTheBackoffAgain() {
        ReconnectPolicy.Tracker t = policy.tracker();
        t.next(0);
        t.next(0);
        t.connected(SECOND);
        assertThat(t.next(SECOND + ReconnectPolicy.STABLE.toNanos())).isEqualTo(1);
    }

    @Test
    void attemptsBeyondTheLimitAreExhausted() {
        ReconnectPolicy.Tracker t = policy.tracker();
        for (int i = 0; i < 3; i++) {
            t.next(0);
            assertThat(t.exhausted()).isFalse();
        }
        t.next(0);
        assertThat(t.exhausted()).isTrue();
    }

    @Test
    void theFifthConnectionInAMinuteWaitsUntilTheFirstIsAMinuteOld() {
        ReconnectPolicy.Tracker t = policy.tracker();
        for (int i = 0; i < 4; i++) {
            assertThat(t.capDelay(i * SECOND)).isZero();
            t.opening(i * SECOND);
        }
        assertThat(t.capDelay(10 * SECOND)).isEqualTo(Duration.ofSeconds(50));
        assertThat(t.capDelay(60 * SECOND)).isZero();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofMillis(1), Duration.ofSeconds(1), -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectPolicy(Duration.ofMillis(1), Duration.ofSeconds(1), 1, 0))
                .hasMessageContaining("perMinute");
    }

    @Test
    void theJitterSpreadsDelaysBothSidesOfTheNominalOne() {
        // 200 draws all on one side would happen once in 2^200 runs: a one-sided jitter would still move in lockstep
        assertThat(java.util.stream.IntStream.range(0, 200).mapToLong(i -> policy.backoff(1).toMillis()))
                .anyMatch(ms -> ms < 100).anyMatch(ms -> ms > 100);
    }

    @Test
    void theFirstAttemptsDelayIsTheInitialOneWhateverTheCountSays() {
        assertThat(policy.backoff(0).toMillis()).isBetween(80L, 120L);
        assertThat(policy.backoff(-3).toMillis()).isBetween(80L, 120L);
    }

    @Test
    void stabilityIsMeasuredOnANanoTimeThatMayBeNegative() {
        // System.nanoTime() has an arbitrary origin: a stable connection counts even where it reads below zero
        ReconnectPolicy.Tracker t = policy.tracker();
        long start = -100 * SECOND;
        t.next(start);
        t.next(start);
        t.connected(start);
        assertThat(t.next(start + ReconnectPolicy.STABLE.toNanos())).isEqualTo(1);
    }

    @Test
    void aConnectionUpJustUnderTenSecondsIsNotStable() {
        ReconnectPolicy.Tracker t = policy.tracker();
        long start = -100 * SECOND;
        t.next(start);
        t.connected(start);
        assertThat(t.next(start + ReconnectPolicy.STABLE.toNanos() - 1)).isEqualTo(2);
    }

    @Test
    void aStableConnectionCountsOnlyForTheAttemptRightAfterIt() {
        ReconnectPolicy.Tracker t = policy.tracker();
        t.next(0);
        t.connected(0);
        assertThat(t.next(ReconnectPolicy.STABLE.toNanos())).isEqualTo(1);
        // no setupComplete since: the next attempt counts on
        assertThat(t.next(3 * ReconnectPolicy.STABLE.toNanos())).isEqualTo(2);
    }

    @Test
    void aConnectionExactlyAMinuteOldNoLongerCountsTowardsTheCap() {
        ReconnectPolicy.Tracker t = policy.tracker();
        for (int i = 1; i <= 4; i++) {
            t.opening(i * SECOND);
        }
        long aMinuteAfterTheFirst = 61 * SECOND;
        assertThat(t.capDelay(aMinuteAfterTheFirst)).isZero();
        t.opening(aMinuteAfterTheFirst);

        // four in the last minute again (seconds 2, 3, 4 and 61): the next waits until second 2 is a minute old
        assertThat(t.capDelay(aMinuteAfterTheFirst)).isEqualTo(Duration.ofSeconds(1));
    }
}
