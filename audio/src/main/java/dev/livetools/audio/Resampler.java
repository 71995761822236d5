package dev.livetools.audio;

import java.util.Arrays;

/**
 * A streaming sample-rate converter for one channel of float samples: band-limited (windowed sinc) interpolation, so
 * a 48 kHz microphone's content above 8 kHz is filtered out instead of folding back into the 16 kHz stream as
 * aliases, and a tone keeps its frequency and length. Feed blocks of any size with {@link #process}; {@link #flush}
 * emits the tail. The output has exactly {@code ceil(n * outRate / inRate)} samples for {@code n} input samples, and
 * no delay: output sample {@code k} is the input signal at time {@code k / outRate}.
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class Resampler {

    /** Zero crossings of the sinc on each side of the centre: with the Kaiser window, stopband below about -80 dB. */
    private static final int ZERO_CROSSINGS = 16;
    /** Kernel table entries per input sample; linear interpolation between them. */
    private static final int TABLE_RESOLUTION = 512;
    private static final double KAISER_BETA = 8.6;
    /** Cutoff as a fraction of the lower Nyquist frequency, leaving room for the transition band. */
    private static final double CUTOFF = 0.94;

    private final int inRate;
    private final int outRate;
    private final double halfWidth;
    private final int reach;
    private final float[] kernel;
    private final double tableStep;

    private float[] buffer = new float[0];
    /** Absolute input index of buffer[0]; negative indices are the silence before the stream began. */
    private long bufferStart;
    private int bufferLength;
    private long inputSeen;
    private long outputProduced;

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + inRate + " -> " + outRate);
        }
        int g = gcd(inRate, outRate);
        this.inRate = inRate / g;
        this.outRate = outRate / g;
        double fc = Math.min(1.0, (double) outRate / inRate) * CUTOFF;
        this.halfWidth = ZERO_CROSSINGS / fc;
        this.reach = (int) Math.ceil(halfWidth);
        this.tableStep = 1.0 / TABLE_RESOLUTION;
        this.kernel = buildKernel(fc, halfWidth);
        this.bufferStart = -reach;
        this.buffer = new float[4 * reach + 64];
        this.bufferLength = reach; // leading silence so the first outputs see a full window
    }

    public boolean isIdentity() {
        return inRate == outRate;
    }

    /** Resamples {@code count} samples of {@code in} from {@code offset}; returns the output they complete. */
    public float[] process(float[] in, int offset, int count) {
        if (isIdentity()) {
            inputSeen += count;
            outputProduced += count;
            return Arrays.copyOfRange(in, offset, offset + count);
        }
        append(in, offset, count);
        inputSeen += count;
        return produce(false);
    }

    public float[] process(float[] in) {
        return process(in, 0, in.length);
    }

    /** The remaining output once the stream has ended (the input is taken to be silent afterwards). */
    public float[] flush() {
        if (isIdentity()) {
            return new float[0];
        }
        append(new float[reach + 1], 0, reach + 1);
        return produce(true);
    }

    private float[] produce(boolean ending) {
        long target = ending ? ceilDiv(inputSeen * outRate, inRate) : Long.MAX_VALUE;
        long available = bufferStart + bufferLength; // first absolute index not yet in the buffer
        int count = 0;
        float[] out = new float[16];
        while (outputProduced < target) {
            long num = outputProduced * inRate;
            long centre = num / outRate;
            if (centre + reach >= available) {
                break;
            }
            double frac = (double) (num % outRate) / outRate;
            if (count == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = (float) convolve(centre, frac);
            outputProduced++;
        }
        discardBefore(outputProduced * inRate / outRate - reach);
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /** The band-limited value at input time {@code centre + frac}. */
    private double convolve(long centre, double frac) {
        double sum = 0;
        int base = (int) (centre - bufferStart);
        for (int k = -reach + 1; k <= reach; k++) {
            double distance = Math.abs(k - frac);
            if (distance >= halfWidth) {
                continue;
            }
            sum += buffer[base + k] * kernelAt(distance);
        }
        return sum;
    }

    private double kernelAt(double distance) {
        double pos = distance / tableStep;
        int i = (int) pos;
        double t = pos - i;
        return kernel[i] + (kernel[i + 1] - kernel[i]) * t;
    }

    private void append(float[] in, int offset, int count) {
        if (bufferLength + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, bufferLength + count));
        }
        System.arraycopy(in, offset, buffer, bufferLength, count);
        bufferLength += count;
    }

    private void discardBefore(long absoluteIndex) {
        int drop = (int) Math.min(bufferLength, Math.max(0, absoluteIndex - bufferStart));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
            bufferLength -= drop;
            bufferStart += drop;
        }
    }

    private static float[] buildKernel(double fc, double halfWidth) {
        int size = (int) Math.ceil(halfWidth * TABLE_RESOLUTION) + 2;
        float[] table = new float[size];
        double i0Beta = besselI0(KAISER_BETA);
        for (int i = 0; i < size; i++) {
            double x = (double) i / TABLE_RESOLUTION;
            if (x >= halfWidth) {
                table[i] = 0f;
                continue;
            }
            double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * fc * x) / (Math.PI * fc * x);
            double r = x / halfWidth;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            table[i] = (float) (fc * sinc * window);
        }
        return table;
    }

    /** Modified Bessel function of the first kind, order zero (power series; converges fast for the betas used). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
