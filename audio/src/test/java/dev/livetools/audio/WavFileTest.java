package dev.livetools.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WavFileTest {

    @TempDir
    Path dir;

    @Test
    void readsPcmWithItsFormatAndSamples() throws IOException {
        PcmFormat f = new PcmFormat(44_100, 2, 24, PcmFormat.Encoding.SIGNED, false);
        byte[] data = Signals.tone(f, 440, 0.5, 0.25);
        Path file = Files.write(dir.resolve("tone.wav"), Signals.wav(f, data, false, false));

        WavFile wav = WavFile.read(file);

        assertThat(wav.format()).isEqualTo(f);
        assertThat(wav.data()).isEqualTo(data);
        assertThat(wav.duration()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void readsExtensibleFloatAndSkipsOtherChunks() {
        PcmFormat f = new PcmFormat(48_000, 1, 32, PcmFormat.Encoding.FLOAT, false);
        byte[] data = Signals.tone(f, 440, 0.5, 0.1);

        WavFile wav = WavFile.parse(Signals.wav(f, data, true, true), "float.wav");

        assertThat(wav.format()).isEqualTo(f);
        assertThat(wav.data()).isEqualTo(data);
    }

    @Test
    void aStreamedWavWhoseDataSizeOverrunsTheFileIsReadToTheEnd() {
        PcmFormat f = PcmFormat.mono16(22_050);
        byte[] data = Signals.tone(f, 440, 0.5, 0.1);
        byte[] bytes = Signals.wav(f, data, false, false);
        // espeak-ng --stdout and sox - write 0x7FFFFFFF/0xFFFFFFFF when they cannot seek back
        bytes[40] = bytes[41] = bytes[42] = (byte) 0xFF;
        bytes[43] = 0x7F;

        assertThat(WavFile.parse(bytes, "stream.wav").data()).isEqualTo(data);
    }

    @Test
    void notAWavFileIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> WavFile.parse("ID3 this is an mp3".getBytes(), "song.mp3"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessage("song.mp3: not a WAV file (no RIFF/WAVE header)");
    }

    @Test
    void compressedWavIsRefusedWithAConversionHint() {
        byte[] bytes = Signals.wav(PcmFormat.mono16(8_000), new byte[160], false, false);
        bytes[20] = 7; // mu-law

        assertThatThrownBy(() -> WavFile.parse(bytes, "phone.wav"))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageStartingWith("phone.wav: unsupported WAV encoding 0x7")
                .hasMessageContaining("sox");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> WavFile.read(dir.resolve("nope.wav")))
                .isInstanceOf(AudioFormatException.class)
                .hasMessageEndingWith("nope.wav: no such file");
    }

    @Test
    void writerProducesAFileTheReaderReadsBack() throws IOException {
        Path file = dir.resolve("out.wav");
        byte[] pcm = Signals.tone(PcmFormat.LIVE_OUTPUT, 440, 0.5, 0.2);
        try (WavWriter w = new WavWriter(file, 24_000)) {
            w.write(pcm, 0, 1000);
            w.write(Arrays.copyOfRange(pcm, 1000, pcm.length));
        }

        WavFile back = WavFile.read(file);

        assertThat(back.format()).isEqualTo(PcmFormat.LIVE_OUTPUT);
        assertThat(back.data()).isEqualTo(pcm);
        assertThat(Files.size(file)).isEqualTo(44 + pcm.length);
    }

    @Test
    void javaSoundAgreesWithTheWrittenHeader() throws Exception {
        Path file = dir.resolve("check.wav");
        try (WavWriter w = new WavWriter(file, 24_000)) {
            w.write(new byte[4800]);
        }

        javax.sound.sampled.AudioFileFormat f = javax.sound.sampled.AudioSystem.getAudioFileFormat(file.toFile());

        assertThat(f.getFormat().getSampleRate()).isEqualTo(24_000f);
        assertThat(f.getFormat().getChannels()).isEqualTo(1);
        assertThat(f.getFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.getFrameLength()).isEqualTo(2400);
    }
}
