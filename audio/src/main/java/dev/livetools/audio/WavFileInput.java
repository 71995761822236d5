package dev.livetools.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A WAV file spoken into the session as if from a microphone: converted to 16 kHz mono 16-bit (any rate, channel
 * count and sample layout {@link WavFile} reads), cut into chunks of {@link #chunkDuration()}, and paced in real
 * time: chunk {@code k} is returned at {@code (k + 1) * chunkDuration} after the first call, when a microphone would
 * have delivered it.
 */
public final class WavFileInput implements AudioInput {

    private final String name;
    private final byte[] pcm;
    private final Duration chunk;
    private final int chunkBytes;
    private final AudioClock clock;
    private long startNanos;
    private int position;
    private int index;
    private volatile boolean closed;

    private WavFileInput(String name, byte[] pcm16k, Duration chunk, AudioClock clock) {
        this.name = name;
        this.pcm = pcm16k;
        this.chunk = AudioInput.checkedChunk(chunk);
        this.chunkBytes = PcmFormat.LIVE_INPUT.bytesFor(chunk);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads and converts {@code file}; real-time pacing, {@link AudioInput#DEFAULT_CHUNK} chunks. */
    public static WavFileInput open(Path file) throws IOException {
        return open(file, DEFAULT_CHUNK, AudioClock.system());
    }

    public static WavFileInput open(Path file, Duration chunk, AudioClock clock) throws IOException {
        return of(WavFile.read(file), file.getFileName().toString(), chunk, clock);
    }

    /** Audio already in memory (e.g. a recording), converted to 16 kHz mono. */
    public static WavFileInput of(WavFile audio, String name, Duration chunk, AudioClock clock) {
        byte[] pcm = PcmConverter.convertAll(audio.format(), audio.data(), PcmFormat.LIVE_INPUT.sampleRate());
        return new WavFileInput(name, pcm, chunk, clock);
    }

    @Override
    public Duration chunkDuration() {
        return chunk;
    }

    @Override
    public String describe() {
        return name;
    }

    /** How long the converted audio plays. */
    public Duration duration() {
        return PcmFormat.LIVE_INPUT.durationOf(pcm.length);
    }

    /** Bytes of 16 kHz audio in all. */
    public int totalBytes() {
        return pcm.length;
    }

    @Override
    public byte[] nextChunk() throws InterruptedException {
        if (closed || position >= pcm.length) {
            return null;
        }
        if (index == 0) {
            startNanos = clock.nanoTime();
        }
        int end = Math.min(pcm.length, position + chunkBytes);
        long due = startNanos + (long) (index + 1) * chunk.toNanos();
        if (end - position < chunkBytes) {
            due = startNanos + (long) index * chunk.toNanos()
                    + PcmFormat.LIVE_INPUT.durationOf(end - position).toNanos();
        }
        clock.sleepUntil(due);
        if (closed) {
            return null;
        }
        byte[] out = Arrays.copyOfRange(pcm, position, end);
        position = end;
        index++;
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
