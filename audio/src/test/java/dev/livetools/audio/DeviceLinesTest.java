package dev.livetools.audio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Speaker and microphone on in-memory devices in the formats sound cards run at (this machine has no sound card). */
class DeviceLinesTest {

    private static final PcmFormat CARD = new PcmFormat(48_000, 2, 16, PcmFormat.Encoding.SIGNED, false);

    @Test
    void aMicrophoneAt48kHzStereoGives20msChunksOf16kHzMonoWithTheToneKept() throws Exception {
        MicrophoneInput mic = MicrophoneInput.on(new SoundDevices.Opened<>(FakeLines.microphone(CARD, 440), CARD),
                Duration.ofMillis(20));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            byte[] chunk = mic.nextChunk();
            assertThat(chunk).hasSize(640);
            all.writeBytes(chunk);
        }

        double[] x = Signals.samples(all.toByteArray());
        assertThat(Signals.frequency(java.util.Arrays.copyOfRange(x, 400, x.length), 16_000))
                .isCloseTo(440, within(0.5));
        assertThat(mic.describe()).contains("48000 Hz");
    }

    @Test
    void theSpeakerPlaysTheModelsAudioConvertedToTheDevicesFormat() throws Exception {
        FakeLines.Speaker device = new FakeLines.Speaker(CARD);
        SpeakerOutput speaker = SpeakerOutput.on(new SoundDevices.Opened<>(device.line, CARD), Duration.ofMillis(80));
        speaker.play(Signals.tone(PcmFormat.LIVE_OUTPUT, 440, 0.5, 0.3));
        speaker.endOfTurn();
        assertThat(speaker.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        speaker.close();

        // left channel of the 48 kHz stereo the device got
        byte[] stereo = device.bytes();
        byte[] left = new byte[stereo.length / 2];
        for (int i = 0, o = 0; i + 3 < stereo.length; i += 4, o += 2) {
            left[o] = stereo[i];
            left[o + 1] = stereo[i + 1];
        }
        double[] x = Signals.samples(left);
        int first = Signals.firstAudible(x, 0.05);
        assertThat(Signals.audibleSpan(x, 0.05) / 48.0).isBetween(295.0, 305.0); // ms
        assertThat(Signals.frequency(java.util.Arrays.copyOfRange(x, first + 100, first + 12_000), 48_000))
                .isCloseTo(440, within(1.0));
    }

    @Test
    void anInterruptionFlushesTheDeviceAndOnlySilenceFollows() throws Exception {
        PcmFormat mono24 = PcmFormat.LIVE_OUTPUT;
        FakeLines.Speaker device = new FakeLines.Speaker(mono24);
        SpeakerOutput speaker = SpeakerOutput.on(new SoundDevices.Opened<>(device.line, mono24),
                Duration.ofMillis(80));
        speaker.play(Signals.tone(mono24, 440, 0.5, 5.0));
        Thread.sleep(300);

        speaker.interrupt();
        Thread.sleep(200);
        speaker.close();

        assertThat(device.flushes.get()).isEqualTo(1);
        double[] x = Signals.samples(device.bytes());
        int afterFlush = (int) (device.writtenAtFlush.get() / 2);
        // what the player had taken before the flush may still go out (one 10 ms period), then only silence
        int tail = Signals.audibleSpan(java.util.Arrays.copyOfRange(x, afterFlush, x.length), 0.05);
        assertThat(tail).isLessThanOrEqualTo(240);
        assertThat(x.length - afterFlush).isGreaterThan(2_400); // the device kept playing: silence
        assertThat(speaker.stats().dropped()).isGreaterThan(Duration.ofMillis(4_000));
        assertThat(speaker.isSpeaking()).isFalse();
    }
}
