package dev.livetools.audio;

import java.time.Duration;

/**
 * Where the model's speech goes: 16-bit signed little-endian mono PCM at 24 kHz ({@link PcmFormat#LIVE_OUTPUT}), as
 * it arrives in {@code serverContent} chunks (faster than real time). Chunks wait in a small jitter buffer and play
 * in real time on the output's own clock: the speaker ({@link SpeakerOutput}) or a WAV file written at playback pace
 * ({@link WavFileOutput}), so the file holds exactly what a listener heard, silences included.
 *
 * <p>Barge-in: {@link #interrupt()} drops everything not yet played, at once. {@link #endOfTurn()} lets the rest
 * play out even if it is shorter than the jitter buffer. All methods are thread-safe.
 */
public interface AudioOutput extends AutoCloseable {

    /** Where the sound goes, for messages. */
    String describe();

    /** Queues a chunk of 24 kHz mono PCM to play after what is already queued. */
    void play(byte[] pcm24k);

    /** Drops all audio not yet played; the output is silent from the current position of its clock. */
    void interrupt();

    /** The model's turn is over: play what is queued without waiting for the jitter buffer to fill. */
    void endOfTurn();

    /** Whether model audio is queued or playing (half-duplex mutes the microphone meanwhile). */
    boolean isSpeaking();

    /** Waits until everything queued has played. */
    boolean awaitQuiet(Duration timeout) throws InterruptedException;

    /** The output's clock: how much sound, speech and silence, it has played since it started. */
    Duration position();

    /** What has been played and dropped so far. */
    PlaybackStats stats();

    /** Stops playing (what has not been played yet is not). */
    @Override
    void close();
}
