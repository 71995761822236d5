package dev.livetools.audio;

import java.io.IOException;
import java.time.Duration;

/**
 * A source of the user's speech as the Live API takes it: 16-bit signed little-endian mono PCM at 16 kHz
 * ({@link PcmFormat#LIVE_INPUT}), in chunks of {@link #chunkDuration()}, each returned when it would have been
 * captured (real time): a microphone ({@link MicrophoneInput}) or a WAV file ({@link WavFileInput}).
 */
public interface AudioInput extends AutoCloseable {

    /** The smallest chunk duration accepted: 10 ms. */
    Duration MIN_CHUNK = Duration.ofMillis(10);
    /** The largest chunk duration accepted: 100 ms (the service's guides recommend 20-100 ms). */
    Duration MAX_CHUNK = Duration.ofMillis(100);
    /** 20 ms chunks: 640 bytes each, low latency at 50 messages a second. */
    Duration DEFAULT_CHUNK = Duration.ofMillis(20);

    Duration chunkDuration();

    /** Where the audio comes from, for messages ("microphone 'Built-in Audio'", "speech.wav"). */
    String describe();

    /**
     * The next chunk, blocking until it is due; {@code null} once the input has ended (end of file, or closed). The
     * last chunk of a file may be shorter.
     */
    byte[] nextChunk() throws IOException, InterruptedException;

    @Override
    void close();

    /** Checks a chunk duration against {@link #MIN_CHUNK}..{@link #MAX_CHUNK}. */
    static Duration checkedChunk(Duration chunk) {
        if (chunk == null || chunk.compareTo(MIN_CHUNK) < 0 || chunk.compareTo(MAX_CHUNK) > 0) {
            throw new IllegalArgumentException("chunk duration must be 10..100 ms, got " + chunk);
        }
        return chunk;
    }
}
