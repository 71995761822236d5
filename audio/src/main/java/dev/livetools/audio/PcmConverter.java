package dev.livetools.audio;

import java.util.Arrays;

/**
 * Converts a stream of audio in any {@link PcmFormat} to 16-bit signed little-endian mono at a target rate (what the
 * Live API takes, or what a speaker plays): channels are averaged, samples scaled to float, the rate changed with a
 * {@link Resampler}, and the result rounded and clipped to 16 bits. Feed bytes in blocks of any size (a partial frame
 * waits for the next block); {@link #flush()} emits the tail at the end of the stream.
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class PcmConverter {

    private final PcmFormat from;
    private final PcmFormat to;
    private final Resampler resampler;
    private final byte[] partial;
    private int partialLength;

    public PcmConverter(PcmFormat from, int targetRate) {
        this.from = java.util.Objects.requireNonNull(from, "from");
        this.to = PcmFormat.mono16(targetRate);
        this.resampler = new Resampler(from.sampleRate(), targetRate);
        this.partial = new byte[from.frameSize()];
    }

    public PcmFormat source() {
        return from;
    }

    public PcmFormat target() {
        return to;
    }

    /** Converts {@code length} bytes from {@code offset}; returns the 16-bit mono bytes they complete. */
    public byte[] convert(byte[] data, int offset, int length) {
        float[] mono = decodeMono(data, offset, length);
        return encode(resampler.process(mono));
    }

    public byte[] convert(byte[] data) {
        return convert(data, 0, data.length);
    }

    /** The rest of the output at the end of the stream. */
    public byte[] flush() {
        return encode(resampler.flush());
    }

    /** The whole of {@code data} converted in one go (a file). */
    public static byte[] convertAll(PcmFormat from, byte[] data, int targetRate) {
        PcmConverter c = new PcmConverter(from, targetRate);
        byte[] head = c.convert(data);
        byte[] tail = c.flush();
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private float[] decodeMono(byte[] data, int offset, int length) {
        int frameSize = from.frameSize();
        int total = partialLength + length;
        int frames = total / frameSize;
        float[] out = new float[frames];
        int consumed = 0; // bytes of data used
        int frame = 0;
        if (partialLength > 0 && frames > 0) {
            int need = frameSize - partialLength;
            System.arraycopy(data, offset, partial, partialLength, need);
            out[frame++] = mixFrame(partial, 0);
            consumed = need;
            partialLength = 0;
        }
        for (; frame < frames; frame++) {
            out[frame] = mixFrame(data, offset + consumed);
            consumed += frameSize;
        }
        int left = length - consumed;
        System.arraycopy(data, offset + consumed, partial, partialLength, left);
        partialLength += left;
        return out;
    }

    private float mixFrame(byte[] data, int at) {
        int channels = from.channels();
        int step = from.bytesPerSample();
        double sum = 0;
        for (int c = 0; c < channels; c++) {
            sum += sample(data, at + c * step);
        }
        return (float) (sum / channels);
    }

    /** One sample scaled to [-1, 1). */
    private double sample(byte[] d, int i) {
        boolean be = from.bigEndian();
        return switch (from.encoding()) {
            case UNSIGNED -> ((d[i] & 0xff) - 128) / 128.0;
            case SIGNED -> switch (from.bitsPerSample()) {
                case 16 -> (short) (be ? (d[i] << 8) | (d[i + 1] & 0xff) : (d[i + 1] << 8) | (d[i] & 0xff)) / 32768.0;
                case 24 -> int24(d, i, be) / 8388608.0;
                default -> int32(d, i, be) / 2147483648.0;
            };
            case FLOAT -> from.bitsPerSample() == 32 ? Float.intBitsToFloat(int32(d, i, be))
                    : Double.longBitsToDouble(int64(d, i, be));
        };
    }

    private static int int24(byte[] d, int i, boolean be) {
        int v = be ? ((d[i] << 16) | ((d[i + 1] & 0xff) << 8) | (d[i + 2] & 0xff))
                : ((d[i + 2] << 16) | ((d[i + 1] & 0xff) << 8) | (d[i] & 0xff));
        return v;
    }

    private static int int32(byte[] d, int i, boolean be) {
        return be ? ((d[i] << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff))
                : ((d[i + 3] << 24) | ((d[i + 2] & 0xff) << 16) | ((d[i + 1] & 0xff) << 8) | (d[i] & 0xff));
    }

    private static long int64(byte[] d, int i, boolean be) {
        long hi = int32(d, be ? i : i + 4, be) & 0xffffffffL;
        long lo = int32(d, be ? i + 4 : i, be) & 0xffffffffL;
        return (hi << 32) | lo;
    }

    /** Floats to 16-bit little-endian, rounded and clipped. */
    static byte[] encode(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            long v = Math.round(samples[i] * 32768.0);
            short s = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
