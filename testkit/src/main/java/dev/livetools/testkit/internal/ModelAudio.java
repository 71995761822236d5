package dev.livetools.testkit.internal;

import dev.livetools.testkit.Step;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The model's audio as the Live API sends it: 24 kHz, 16-bit signed little-endian, mono PCM, declared as
 * {@code audio/pcm;rate=24000} on the Gemini API (live-protocol.md §5).
 */
public final class ModelAudio {

    public static final int RATE = 24_000;
    public static final int BYTES_PER_SECOND = RATE * 2;
    public static final String MIME_TYPE = "audio/pcm;rate=24000";

    private static final AudioFormat EXPECTED = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, RATE, 16, 1, 2, RATE,
            false);

    private ModelAudio() {
    }

    /** The PCM bytes of a sound. */
    public static byte[] pcm(Step.Sound sound) {
        if (sound instanceof Step.Tone tone) {
            return tone(tone.hz(), tone.length());
        }
        return readWav(((Step.Wav) sound).location());
    }

    /** Bytes of PCM for {@code length}, rounded to whole samples. */
    public static int bytesFor(Duration length) {
        long samples = Math.round(length.toNanos() * (double) RATE / 1_000_000_000L);
        return (int) Math.max(2, samples * 2);
    }

    /** A quiet sine of {@code hz} (about -24 dBFS: audible, not startling). */
    static byte[] tone(int hz, Duration length) {
        byte[] pcm = new byte[bytesFor(length)];
        for (int i = 0; i < pcm.length / 2; i++) {
            short sample = (short) (2000 * Math.sin(2 * Math.PI * hz * i / (double) RATE));
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return pcm;
    }

    /** Checks that {@code location} is a readable WAV of the model's format; the message says what was found. */
    public static void checkWav(URI location) {
        try (AudioInputStream in = open(location)) {
            check(in.getFormat(), location);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read WAV " + location + ": " + e.getMessage(), e);
        }
    }

    static byte[] readWav(URI location) {
        try (AudioInputStream in = open(location)) {
            check(in.getFormat(), location);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read WAV " + location + ": " + e.getMessage(), e);
        }
    }

    private static AudioInputStream open(URI location) throws IOException {
        InputStream raw = location.toURL().openStream();
        try {
            return AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
        } catch (UnsupportedAudioFileException e) {
            raw.close();
            throw new IOException("not a WAV file the JDK can read (" + e.getMessage() + ")", e);
        }
    }

    private static void check(AudioFormat format, URI location) {
        boolean pcm16 = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                && format.getSampleSizeInBits() == 16 && !format.isBigEndian();
        if (!pcm16 || format.getChannels() != 1 || Math.round(format.getSampleRate()) != RATE) {
            throw new IllegalArgumentException("WAV " + location + " is " + describe(format) + "; model audio must be "
                    + describe(EXPECTED) + " (convert it, e.g. sox in.wav -r 24000 -c 1 -b 16 out.wav)");
        }
    }

    private static String describe(AudioFormat format) {
        return Math.round(format.getSampleRate()) + " Hz " + format.getSampleSizeInBits() + "-bit "
                + (format.getChannels() == 1 ? "mono" : format.getChannels() + "-channel") + " "
                + format.getEncoding() + (format.getSampleSizeInBits() > 8 && format.isBigEndian() ? " big-endian" : "");
    }
}
