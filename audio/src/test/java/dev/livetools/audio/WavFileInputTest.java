package dev.livetools.audio;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WavFileInputTest {

    private static final PcmFormat CD = new PcmFormat(44_100, 2, 16, PcmFormat.Encoding.SIGNED, false);

    @Test
    void chunksAre20msOf16kHzMonoEachDueWhenAMicrophoneWouldHaveDeliveredIt() throws Exception {
        ManualClock clock = new ManualClock();
        long start = clock.nanoTime();
        WavFileInput in = WavFileInput.of(new WavFile(CD, Signals.tone(CD, 440, 0.5, 1.0)), "tone.wav",
                Duration.ofMillis(20), clock);

        List<byte[]> chunks = new ArrayList<>();
        byte[] c;
        while ((c = in.nextChunk()) != null) {
            chunks.add(c);
        }

        assertThat(chunks).hasSize(50).allSatisfy(chunk -> assertThat(chunk).hasSize(640));
        assertThat(clock.sleeps).hasSize(50);
        for (int k = 0; k < 50; k++) {
            assertThat(clock.sleeps.get(k) - start).isEqualTo((k + 1) * 20_000_000L);
        }
    }

    @Test
    void theLastChunkIsShorterAndDueWhenItsAudioEnds() throws Exception {
        ManualClock clock = new ManualClock();
        long start = clock.nanoTime();
        PcmFormat f = PcmFormat.mono16(16_000);
        WavFileInput in = WavFileInput.of(new WavFile(f, new byte[2 * 1000]), "s.wav", Duration.ofMillis(40), clock);

        List<Integer> sizes = new ArrayList<>();
        byte[] c;
        while ((c = in.nextChunk()) != null) {
            sizes.add(c.length);
        }

        assertThat(sizes).containsExactly(1280, 720);
        assertThat(clock.sleeps.get(1) - start).isEqualTo(62_500_000L); // 1000 samples at 16 kHz
    }

    @Test
    void theConvertedFileKeepsItsToneAndLength() throws Exception {
        WavFileInput in = WavFileInput.of(new WavFile(CD, Signals.tone(CD, 440, 0.5, 1.0)), "tone.wav",
                Duration.ofMillis(20), new ManualClock());
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] c;
        while ((c = in.nextChunk()) != null) {
            all.writeBytes(c);
        }

        double[] x = Signals.samples(all.toByteArray());
        assertThat(in.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Signals.frequency(x, 16_000)).isCloseTo(440, within(0.5));
    }

    @Test
    void realTimePacingHoldsOnTheSystemClock() throws Exception {
        PcmFormat f = PcmFormat.mono16(16_000);
        WavFileInput in = WavFileInput.of(new WavFile(f, new byte[2 * 4800]), "s.wav", Duration.ofMillis(20),
                AudioClock.system());
        long t0 = System.nanoTime();
        int n = 0;
        while (in.nextChunk() != null) {
            n++;
        }
        long took = System.nanoTime() - t0;

        assertThat(n).isEqualTo(15);
        assertThat(took).isGreaterThanOrEqualTo(300_000_000L); // never early
    }

    @Test
    void closedInputEnds() throws Exception {
        WavFileInput in = WavFileInput.of(new WavFile(CD, new byte[4 * 44_100]), "s.wav", Duration.ofMillis(20),
                new ManualClock());
        in.nextChunk();
        in.close();

        assertThat(in.nextChunk()).isNull();
    }

    @Test
    void chunkDurationOutsideTenToHundredMillisecondsIsRefused() {
        assertThatThrownBy(() -> WavFileInput.of(new WavFile(CD, new byte[4]), "s.wav", Duration.ofMillis(5),
                new ManualClock())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10..100 ms");
    }
}
