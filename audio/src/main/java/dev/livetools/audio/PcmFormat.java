package dev.livetools.audio;

import java.time.Duration;

/**
 * The layout of uncompressed audio samples: what a WAV file or a sound device holds, and what the Live API takes
 * ({@link #LIVE_INPUT}: 16 kHz) and gives ({@link #LIVE_OUTPUT}: 24 kHz), both 16-bit signed little-endian mono.
 *
 * @param sampleRate    frames per second
 * @param channels      interleaved channels per frame
 * @param bitsPerSample 8, 16, 24 or 32 for integers; 32 or 64 for floats
 * @param encoding      how a sample's bits are read
 * @param bigEndian     byte order of multi-byte samples
 */
public record PcmFormat(int sampleRate, int channels, int bitsPerSample, Encoding encoding, boolean bigEndian) {

    /** What the Live API expects from the microphone: {@code audio/pcm;rate=16000}. */
    public static final PcmFormat LIVE_INPUT = mono16(16_000);
    /** What the Live API's models speak: 16-bit mono at 24 kHz. */
    public static final PcmFormat LIVE_OUTPUT = mono16(24_000);

    /** How sample bits are interpreted. */
    public enum Encoding {
        /** Two's complement integers (WAV for 16, 24 and 32 bits). */
        SIGNED,
        /** Offset binary, 0x80 is silence (WAV for 8 bits). */
        UNSIGNED,
        /** IEEE 754 floats in [-1, 1]. */
        FLOAT
    }

    public PcmFormat {
        if (sampleRate < 1_000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate must be 1000..384000 Hz, got " + sampleRate);
        }
        if (channels < 1 || channels > 32) {
            throw new IllegalArgumentException("channels must be 1..32, got " + channels);
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding is required");
        }
        boolean supported = switch (encoding) {
            case SIGNED -> bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32;
            case UNSIGNED -> bitsPerSample == 8;
            case FLOAT -> bitsPerSample == 32 || bitsPerSample == 64;
        };
        if (!supported) {
            throw new IllegalArgumentException("unsupported sample layout: " + bitsPerSample + "-bit " + encoding
                    + " (supported: 8-bit unsigned, 16/24/32-bit signed, 32/64-bit float)");
        }
    }

    /** 16-bit signed little-endian mono at {@code sampleRate}. */
    public static PcmFormat mono16(int sampleRate) {
        return new PcmFormat(sampleRate, 1, 16, Encoding.SIGNED, false);
    }

    public int bytesPerSample() {
        return bitsPerSample / 8;
    }

    public int frameSize() {
        return channels * bytesPerSample();
    }

    /** Bytes of {@code duration} of audio, rounded down to whole frames. */
    public int bytesFor(Duration duration) {
        return (int) (duration.toNanos() * sampleRate / 1_000_000_000L) * frameSize();
    }

    /** How long {@code bytes} of audio play. */
    public Duration durationOf(long bytes) {
        return Duration.ofNanos(bytes / frameSize() * 1_000_000_000L / sampleRate);
    }

    /** The MIME type the Live API uses for this format when it is 16-bit mono ({@code audio/pcm;rate=16000}). */
    public String liveMimeType() {
        if (!equals(mono16(sampleRate))) {
            throw new IllegalStateException("the Live API takes 16-bit signed little-endian mono PCM, not " + this);
        }
        return "audio/pcm;rate=" + sampleRate;
    }

    @Override
    public String toString() {
        return sampleRate + " Hz " + bitsPerSample + "-bit " + encoding.name().toLowerCase() + " "
                + (channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels")
                + (bytesPerSample() > 1 ? (bigEndian ? " big-endian" : " little-endian") : "");
    }
}
