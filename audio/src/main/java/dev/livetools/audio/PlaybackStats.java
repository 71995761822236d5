package dev.livetools.audio;

import java.time.Duration;

/**
 * What an {@link AudioOutput} did.
 *
 * @param speech        model audio played
 * @param dropped       model audio dropped by interruptions before it was played
 * @param interruptions how many times {@link AudioOutput#interrupt()} dropped audio
 * @param underruns     how many times the buffer ran dry in the middle of a turn (the network was slower than playback)
 * @param lastSilence   for the last interruption: from the call of {@code interrupt()} to the output's clock falling
 *                      silent, measured on that clock; {@code null} before any
 */
public record PlaybackStats(Duration speech, Duration dropped, int interruptions, int underruns,
                            Duration lastSilence) {
}
