package dev.livetools.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class WavFileOutputTest {

    private static final PcmFormat F = PcmFormat.LIVE_OUTPUT;

    @TempDir
    Path dir;

    @Test
    void aTurnIsWrittenAt24kHzMonoWithTheDurationItPlays() throws Exception {
        Path file = dir.resolve("out.wav");
        WavFileOutput out = WavFileOutput.open(file);
        out.play(Signals.tone(F, 440, 0.5, 0.4));
        out.endOfTurn();
        assertThat(out.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        out.close();

        WavFile wav = WavFile.read(file);
        double[] x = Signals.samples(wav.data());
        assertThat(wav.format()).isEqualTo(F);
        assertThat(Signals.audibleSpan(x, 0.05)).isBetween(9_550, 9_600); // 400 ms, less the zero crossings' edges
        assertThat(Signals.frequency(java.util.Arrays.copyOfRange(x, Signals.firstAudible(x, 0.05),
                Signals.firstAudible(x, 0.05) + 9_000), 24_000)).isCloseTo(440, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void theFileRunsOnWallClockTimeWithSilenceWhereNothingPlayed() throws Exception {
        Path file = dir.resolve("gap.wav");
        long t0 = System.nanoTime();
        WavFileOutput out = WavFileOutput.open(file);
        byte[] tone = Signals.tone(F, 440, 0.5, 0.2);
        Thread.sleep(300);
        long playedAt = System.nanoTime();
        out.play(tone);
        out.endOfTurn();
        out.awaitQuiet(Duration.ofSeconds(5));
        out.close();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;

        double[] x = Signals.samples(WavFile.read(file).data());
        int first = Signals.firstAudible(x, 0.05);
        double playedMs = (playedAt - out.originNanos()) / 1e6;
        assertThat(first * 1000.0 / 24_000).isBetween(playedMs - 1, playedMs + 15); // speech starts where it was played
        assertThat(x.length * 1000L / 24_000).isBetween(480L, wallMs + 5);
    }

    @Test
    void anInterruptionCutsTheSpeechAtThePositionTheOutputHadReached() throws Exception {
        Path file = dir.resolve("cut.wav");
        byte[] reply = Signals.tone(F, 440, 0.5, 5.0);
        long t0 = System.nanoTime();
        WavFileOutput out = WavFileOutput.open(file);
        out.play(reply);
        Thread.sleep(500);
        long askedAt = System.nanoTime();
        out.interrupt();
        Duration heardUntil = out.position();
        long asked = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(200);
        out.close();

        double[] x = Signals.samples(WavFile.read(file).data());
        int spanMs = Signals.audibleSpan(x, 0.05) * 1000 / 24_000;
        assertThat(spanMs).isBetween(490, (int) asked + 1);
        // on the output's own timeline the speech stops where the clock was when interrupt() was called
        Duration clockAtCall = Duration.ofNanos(askedAt - out.originNanos());
        // The position counts whole frames written, so it may sit up to one frame (1/24,000 s) before the clock.
        assertThat(heardUntil.minus(clockAtCall)).isBetween(Duration.ofNanos(-1_000_000_000L / 24_000),
                Duration.ofMillis(250));
        int lastAudible = Signals.firstAudible(x, 0.05) + Signals.audibleSpan(x, 0.05);
        assertThat(Math.abs(lastAudible * 1000.0 / 24_000 - heardUntil.toNanos() / 1e6)).isLessThan(2.0);
        assertThat(out.stats().lastSilence()).isLessThan(Duration.ofMillis(250));
        assertThat(out.stats().dropped()).isGreaterThan(Duration.ofMillis(4400));
        assertThat(out.isSpeaking()).isFalse();
    }
}
