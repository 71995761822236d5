package dev.livetools.audio;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebRTC echo canceller through our wrapper (webrtc-java is an optional dependency, on this module's test class
 * path): what the speaker played comes back into the microphone 30 ms later at half level, and is removed.
 */
class EchoCancellerTest {

    /** The module's test class path carries the linux-x86_64 native jar only. */
    @org.junit.jupiter.api.BeforeEach
    void onLinuxX64() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "webrtc-java's native jar here is linux-x86_64");
    }

    @Test
    void theSpeakersEchoIsRemovedFromTheMicrophone() {
        EchoCanceller aec = EchoCanceller.webRtc().orElseThrow(() -> new AssertionError(
                "webrtc-java is on the test class path but did not load"));
        Random random = new Random(7);
        int seconds = 6;
        byte[] played24k = new byte[24_000 * 2 * seconds];
        for (int i = 0; i < played24k.length / 2; i++) {
            short s = (short) (random.nextGaussian() * 3000);
            played24k[2 * i] = (byte) s;
            played24k[2 * i + 1] = (byte) (s >> 8);
        }
        double[] heard16k = Signals.samples(PcmConverter.convertAll(PcmFormat.LIVE_OUTPUT, played24k, 16_000));
        int delay = 480; // 30 ms at 16 kHz
        double before = 0;
        double after = 0;
        try (aec) {
            for (int chunk = 0; chunk < heard16k.length / 320; chunk++) {
                aec.played(Arrays.copyOfRange(played24k, chunk * 960, chunk * 960 + 960)); // 20 ms at 24 kHz
                byte[] mic = new byte[640];
                for (int i = 0; i < 320; i++) {
                    int at = chunk * 320 + i - delay;
                    short s = (short) (at < 0 ? 0 : heard16k[at] * 16384);
                    mic[2 * i] = (byte) s;
                    mic[2 * i + 1] = (byte) (s >> 8);
                }
                double[] cleaned = Signals.samples(aec.clean(mic));
                if (chunk >= 150) { // after three seconds of adaptation
                    before += energy(Signals.samples(mic));
                    after += energy(cleaned);
                }
            }
        }

        double reductionDb = 10 * Math.log10(before / after);
        assertThat(reductionDb).as("echo reduction in dB").isGreaterThan(10);
    }

    @Test
    void aChunkThatIsNotWholeTenMillisecondFramesKeepsItsLength() {
        try (EchoCanceller aec = EchoCanceller.webRtc().orElseThrow()) {
            assertThat(aec.clean(new byte[700])).hasSize(700);
        }
    }

    private static double energy(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }
}
