package dev.livetools.audio;

import javax.sound.sampled.TargetDataLine;
import java.time.Duration;

/**
 * The default microphone through Java Sound. It is opened in 16 kHz mono 16-bit when the device offers that, else in
 * the first common format it takes (typically 48 kHz stereo), converted with a {@link PcmConverter}. Reading blocks
 * until a chunk has been captured, so the device itself paces the stream. Java Sound has no echo cancellation: with
 * loudspeakers use headphones, {@code halfDuplex}, or an {@link EchoCanceller}.
 */
public final class MicrophoneInput implements AudioInput {

    private final TargetDataLine line;
    private final PcmFormat deviceFormat;
    private final PcmConverter converter;
    private final Duration chunk;
    private final int chunkBytes;
    private final byte[] deviceBuffer;
    private byte[] pending = new byte[0];
    private volatile boolean closed;

    private MicrophoneInput(SoundDevices.Opened<TargetDataLine> opened, Duration chunk) {
        this.line = opened.line();
        this.deviceFormat = opened.format();
        this.chunk = chunk;
        this.chunkBytes = PcmFormat.LIVE_INPUT.bytesFor(chunk);
        this.converter = new PcmConverter(deviceFormat, PcmFormat.LIVE_INPUT.sampleRate());
        this.deviceBuffer = new byte[deviceFormat.bytesFor(chunk)];
    }

    /**
     * Opens and starts the default microphone.
     *
     * @throws AudioDeviceUnavailableException when there is no usable capture device (servers, CI, a device in use)
     */
    public static MicrophoneInput open(Duration chunk) {
        AudioInput.checkedChunk(chunk);
        // a device buffer of four chunks: enough to ride out a GC pause, small enough to stay live
        return on(SoundDevices.openCapture(PcmFormat.LIVE_INPUT.sampleRate(), PcmFormat.LIVE_INPUT.bytesFor(chunk) * 4),
                chunk);
    }

    /** Captures from an opened line (tests give it a fake device). */
    static MicrophoneInput on(SoundDevices.Opened<TargetDataLine> opened, Duration chunk) {
        MicrophoneInput input = new MicrophoneInput(opened, chunk);
        opened.line().start();
        return input;
    }

    public static MicrophoneInput open() {
        return open(DEFAULT_CHUNK);
    }

    /** The format the device runs in (converted to 16 kHz mono when different). */
    public PcmFormat deviceFormat() {
        return deviceFormat;
    }

    @Override
    public Duration chunkDuration() {
        return chunk;
    }

    @Override
    public String describe() {
        return "microphone (" + deviceFormat + ")";
    }

    @Override
    public byte[] nextChunk() {
        while (!closed && pending.length < chunkBytes) {
            int n = line.read(deviceBuffer, 0, deviceBuffer.length);
            if (n <= 0) {
                if (!line.isOpen()) {
                    return null;
                }
                continue;
            }
            byte[] converted = converter.convert(deviceBuffer, 0, n);
            byte[] joined = java.util.Arrays.copyOf(pending, pending.length + converted.length);
            System.arraycopy(converted, 0, joined, pending.length, converted.length);
            pending = joined;
        }
        if (closed) {
            return null;
        }
        byte[] out = java.util.Arrays.copyOf(pending, chunkBytes);
        pending = java.util.Arrays.copyOfRange(pending, chunkBytes, pending.length);
        return out;
    }

    @Override
    public void close() {
        closed = true;
        line.stop();
        line.close();
    }
}
