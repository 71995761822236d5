package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When the next connection may open: backoff that only a stable connection resets, and the per-minute cap. */
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
}
