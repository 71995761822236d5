package dev.livetools.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes 16-bit signed little-endian mono PCM to a WAV file as it comes. The header's sizes are patched on
 * {@link #close()}; until then they say "unknown" the way streaming tools do, so a file cut short is still readable.
 * Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {

    private static final int HEADER = 44;

    private final Path file;
    private final PcmFormat format;
    private final FileChannel channel;
    private long dataBytes;
    private boolean closed;

    public WavWriter(Path file, int sampleRate) throws IOException {
        this.file = file;
        this.format = PcmFormat.mono16(sampleRate);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        channel.write(header(0xFFFFFFFFL - HEADER + 8, 0xFFFFFFFFL));
    }

    public PcmFormat format() {
        return format;
    }

    public Path file() {
        return file;
    }

    /** Bytes of samples written so far. */
    public long dataBytes() {
        return dataBytes;
    }

    public void write(byte[] pcm, int offset, int length) {
        try {
            ByteBuffer b = ByteBuffer.wrap(pcm, offset, length);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            dataBytes += length;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    public void write(byte[] pcm) {
        write(pcm, 0, pcm.length);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            channel.write(header(dataBytes + HEADER - 8, dataBytes), 0);
        }
    }

    private ByteBuffer header(long riffSize, long dataSize) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) riffSize);
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        h.putShort((short) 1).putShort((short) 1).putInt(format.sampleRate())
                .putInt(format.sampleRate() * format.frameSize()).putShort((short) format.frameSize())
                .putShort((short) 16);
        h.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataSize);
        return h.flip();
    }
}
