package dev.livetools.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Known test signals and measurements of them. */
final class Signals {

    private Signals() {
    }

    /** A sine of {@code hz} at {@code amplitude} (of full scale), {@code seconds} long, in {@code format}. */
    static byte[] tone(PcmFormat format, double hz, double amplitude, double seconds) {
        int frames = (int) Math.round(seconds * format.sampleRate());
        ByteBuffer b = ByteBuffer.allocate(frames * format.frameSize())
                .order(format.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double v = amplitude * Math.sin(2 * Math.PI * hz * i / format.sampleRate());
            for (int c = 0; c < format.channels(); c++) {
                putSample(b, format, v);
            }
        }
        return b.array();
    }

    private static void putSample(ByteBuffer b, PcmFormat f, double v) {
        switch (f.encoding()) {
            case UNSIGNED -> b.put((byte) (Math.round(v * 127) + 128));
            case FLOAT -> {
                if (f.bitsPerSample() == 32) {
                    b.putFloat((float) v);
                } else {
                    b.putDouble(v);
                }
            }
            case SIGNED -> {
                switch (f.bitsPerSample()) {
                    case 16 -> b.putShort((short) Math.round(v * 32767));
                    case 24 -> {
                        int s = (int) Math.round(v * 8388607);
                        if (f.bigEndian()) {
                            b.put((byte) (s >> 16)).put((byte) (s >> 8)).put((byte) s);
                        } else {
                            b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
                        }
                    }
                    default -> b.putInt((int) Math.round(v * 2147483647.0));
                }
            }
        }
    }

    /** 16-bit little-endian mono bytes to doubles in [-1, 1). */
    static double[] samples(byte[] pcm16) {
        double[] out = new double[pcm16.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm16[2 * i + 1] << 8) | (pcm16[2 * i] & 0xff)) / 32768.0;
        }
        return out;
    }

    static double rms(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** The frequency of a clean tone from its upward zero crossings, interpolated between samples. */
    static double frequency(double[] x, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double at = i - 1 + (-x[i - 1]) / (x[i] - x[i - 1]);
                if (first < 0) {
                    first = at;
                } else {
                    crossings++;
                }
                last = at;
            }
        }
        return crossings * (double) rate / (last - first);
    }

    /** Amplitude of the {@code hz} component (Goertzel), as a fraction of full scale. */
    static double magnitude(double[] x, int from, int to, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s = x[i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / (to - from);
    }

    /** Length in samples of the stretch from the first to the last sample louder than {@code threshold}. */
    static int audibleSpan(double[] x, double threshold) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > threshold) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }

    /** Index of the first sample louder than {@code threshold}, or -1. */
    static int firstAudible(double[] x, double threshold) {
        for (int i = 0; i < x.length; i++) {
            if (Math.abs(x[i]) > threshold) {
                return i;
            }
        }
        return -1;
    }

    /** A WAV file of {@code data} in {@code format}; {@code extensible} writes WAVE_FORMAT_EXTENSIBLE. */
    static byte[] wav(PcmFormat format, byte[] data, boolean extensible, boolean withListChunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tag = format.encoding() == PcmFormat.Encoding.FLOAT ? 3 : 1;
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer fmt = ByteBuffer.allocate(fmtSize).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) format.channels())
                .putInt(format.sampleRate()).putInt(format.sampleRate() * format.frameSize())
                .putShort((short) format.frameSize()).putShort((short) format.bitsPerSample());
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) format.bitsPerSample()).putInt(0)
                    .putShort((short) tag).put(new byte[14]);
        }
        byte[] list = withListChunk ? "INFOISFTvoice".getBytes() : new byte[0]; // odd size: padded
        int riff = 4 + 8 + fmtSize + (withListChunk ? 8 + list.length + 1 : 0) + 8 + data.length;
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(riff).put("WAVE".getBytes());
        out.writeBytes(h.array());
        out.writeBytes(chunkHeader("fmt ", fmtSize));
        out.writeBytes(fmt.array());
        if (withListChunk) {
            out.writeBytes(chunkHeader("LIST", list.length));
            out.writeBytes(list);
            out.write(0);
        }
        out.writeBytes(chunkHeader("data", data.length));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] chunkHeader(String id, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(id.getBytes()).putInt(size).array();
    }
}
