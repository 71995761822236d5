package dev.livetools.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.livetools.audio.PcmFormat.Encoding.FLOAT;
import static dev.livetools.audio.PcmFormat.Encoding.SIGNED;
import static dev.livetools.audio.PcmFormat.Encoding.UNSIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PcmConverterTest {

    static Stream<PcmFormat> commonFormats() {
        return Stream.of(
                new PcmFormat(44_100, 2, 24, SIGNED, false),
                new PcmFormat(48_000, 2, 16, SIGNED, false),
                new PcmFormat(48_000, 1, 32, FLOAT, false),
                new PcmFormat(22_050, 1, 16, SIGNED, false),
                new PcmFormat(8_000, 1, 8, UNSIGNED, false),
                new PcmFormat(96_000, 6, 32, SIGNED, false),
                new PcmFormat(32_000, 2, 16, SIGNED, true),
                new PcmFormat(11_025, 1, 64, FLOAT, false),
                PcmFormat.mono16(16_000),
                PcmFormat.mono16(24_000));
    }

    @ParameterizedTest
    @MethodSource("commonFormats")
    void aToneKeepsItsFrequencyLengthAndLevelAt16kHz(PcmFormat from) {
        byte[] tone = Signals.tone(from, 440, 0.5, 1.0);

        double[] out = Signals.samples(PcmConverter.convertAll(from, tone, 16_000));

        assertThat(out.length).isEqualTo(16_000);
        assertThat(Signals.frequency(out, 16_000)).isCloseTo(440, within(0.5));
        // steady state (away from the edges, where the tone starts and stops abruptly)
        assertThat(Signals.rms(out, 800, 15_200)).isCloseTo(0.5 / Math.sqrt(2), within(0.005));
    }

    @Test
    void contentAboveTheNewNyquistIsFilteredOutNotFoldedBack() {
        PcmFormat mic = new PcmFormat(48_000, 1, 16, SIGNED, false);
        // 12 kHz cannot exist at 16 kHz: a plain decimator would fold it to 4 kHz
        byte[] high = Signals.tone(mic, 12_000, 0.5, 1.0);

        double[] out = Signals.samples(PcmConverter.convertAll(mic, high, 16_000));

        assertThat(Signals.magnitude(out, 800, 15_200, 4_000, 16_000)).isLessThan(0.5 * 0.001); // below -60 dB
        assertThat(Signals.rms(out, 800, 15_200)).isLessThan(0.5 * 0.001);
    }

    @Test
    void speechBandContentPassesDownsamplingUnchanged() {
        PcmFormat mic = new PcmFormat(48_000, 1, 16, SIGNED, false);
        byte[] tone = Signals.tone(mic, 3_400, 0.5, 1.0);

        double[] out = Signals.samples(PcmConverter.convertAll(mic, tone, 16_000));

        assertThat(Signals.magnitude(out, 800, 15_200, 3_400, 16_000)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void upsamplingTo24kHzPreservesTheTone() {
        PcmFormat model = PcmFormat.mono16(16_000);
        byte[] tone = Signals.tone(model, 1_000, 0.3, 0.5);

        double[] out = Signals.samples(PcmConverter.convertAll(model, tone, 48_000));

        assertThat(out.length).isEqualTo(24_000);
        assertThat(Signals.frequency(out, 48_000)).isCloseTo(1_000, within(0.5));
        assertThat(Signals.magnitude(out, 2_400, 21_600, 1_000, 48_000)).isCloseTo(0.3, within(0.003));
    }

    @Test
    void streamingInOddBlocksGivesTheSameSamplesAsOneGo() {
        PcmFormat f = new PcmFormat(44_100, 2, 24, SIGNED, false);
        byte[] tone = Signals.tone(f, 700, 0.4, 0.3);
        byte[] whole = PcmConverter.convertAll(f, tone, 16_000);

        PcmConverter streaming = new PcmConverter(f, 16_000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int[] blocks = {1, 7, 5, 1000, 3, 4410, 13};
        int at = 0;
        for (int i = 0; at < tone.length; i++) {
            int n = Math.min(blocks[i % blocks.length], tone.length - at);
            out.writeBytes(streaming.convert(tone, at, n));
            at += n;
        }
        out.writeBytes(streaming.flush());

        assertThat(out.toByteArray()).isEqualTo(whole);
    }

    @Test
    void identicalRatesOnlyMixDownAndRequantise() {
        PcmFormat stereo = new PcmFormat(16_000, 2, 16, SIGNED, false);
        byte[] tone = Signals.tone(stereo, 500, 0.25, 0.1);

        byte[] out = PcmConverter.convertAll(stereo, tone, 16_000);

        assertThat(out).isEqualTo(Signals.tone(PcmFormat.mono16(16_000), 500, 0.25, 0.1));
    }

    @Test
    void oppositeChannelsCancelWhenMixedToMono() {
        PcmFormat stereo = new PcmFormat(16_000, 2, 16, SIGNED, false);
        byte[] pcm = new byte[4 * 100];
        for (int i = 0; i < 100; i++) {
            pcm[4 * i] = 0x00;
            pcm[4 * i + 1] = 0x40; // left +0.5
            pcm[4 * i + 2] = 0x00;
            pcm[4 * i + 3] = (byte) 0xC0; // right -0.5
        }

        assertThat(Signals.rms(Signals.samples(PcmConverter.convertAll(stereo, pcm, 16_000)), 0, 100)).isZero();
    }
}
