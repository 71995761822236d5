package dev.livetools.audio;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackBufferTest {

    private static final PcmFormat F = PcmFormat.LIVE_OUTPUT;
    private final PlaybackBuffer buffer = new PlaybackBuffer(F, Duration.ofMillis(60));
    private final byte[] period = new byte[F.bytesFor(Duration.ofMillis(10))];

    @Test
    void nothingPlaysUntilTheJitterBufferHoldsSixtyMilliseconds() {
        buffer.enqueue(ones(Duration.ofMillis(50)));
        assertThat(buffer.take(period, 0, period.length)).isZero();

        buffer.enqueue(ones(Duration.ofMillis(10)));
        assertThat(buffer.take(period, 0, period.length)).isEqualTo(period.length);
    }

    @Test
    void theEndOfTheTurnPlaysAShortRemainder() {
        buffer.enqueue(ones(Duration.ofMillis(30)));
        buffer.endOfTurn();

        assertThat(buffer.take(new byte[10_000], 0, 10_000)).isEqualTo(F.bytesFor(Duration.ofMillis(30)));
        assertThat(buffer.isSpeaking()).isFalse();
    }

    @Test
    void aBufferRunDryMidTurnRefillsBeforeGoingOn() {
        buffer.enqueue(ones(Duration.ofMillis(60)));
        buffer.take(new byte[10_000], 0, 10_000);
        buffer.enqueue(ones(Duration.ofMillis(20)));

        assertThat(buffer.take(period, 0, period.length)).isZero();
        assertThat(buffer.isSpeaking()).isTrue();
        assertThat(buffer.stats(null).underruns()).isEqualTo(1);
    }

    @Test
    void interruptDropsEverythingQueued() {
        buffer.enqueue(ones(Duration.ofSeconds(5)));
        buffer.take(period, 0, period.length);

        long dropped = buffer.interrupt();

        assertThat(dropped).isEqualTo(F.bytesFor(Duration.ofSeconds(5)) - period.length);
        assertThat(buffer.take(period, 0, period.length)).isZero();
        assertThat(buffer.isSpeaking()).isFalse();
        assertThat(buffer.stats(null).dropped()).isEqualTo(Duration.ofMillis(4990));
    }

    @Test
    void awaitQuietReturnsOnceTheTurnHasPlayedOut() throws InterruptedException {
        buffer.enqueue(ones(Duration.ofMillis(100)));
        buffer.endOfTurn();
        assertThat(buffer.awaitQuiet(Duration.ofMillis(10))).isFalse();

        buffer.take(new byte[100_000], 0, 100_000);

        assertThat(buffer.awaitQuiet(Duration.ofMillis(10))).isTrue();
    }

    private static byte[] ones(Duration d) {
        byte[] b = new byte[F.bytesFor(d)];
        java.util.Arrays.fill(b, (byte) 1);
        return b;
    }
}
