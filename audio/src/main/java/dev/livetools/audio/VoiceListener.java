package dev.livetools.audio;

import dev.livetools.session.SessionEvent;

import java.time.Duration;

/**
 * Told what happens in a {@link VoiceLoop}, on the session's event thread (transcripts, timings, interruptions) or the
 * input thread ({@link #inputEnded}). Keep it quick; an exception it throws is logged and ignored.
 */
public interface VoiceListener {

    /** A piece of transcript, as it arrives; {@code finished} when the service marks the utterance complete. */
    default void transcript(Speaker who, String text, boolean finished) {
    }

    /** The model began answering: from the end of the user's speech to the model's first audio. */
    default void turnTiming(Duration userSpeechEndToModelAudio) {
    }

    /** The user barged in: the output dropped what it had not played. */
    default void interrupted(PlaybackStats stats) {
    }

    /**
     * A step of a tool call, in order with the transcripts (the session's {@link SessionEvent.ToolCall} events).
     */
    default void toolCall(SessionEvent.ToolCall event) {
    }

    /** The model's turn is over. */
    default void turnComplete() {
    }

    /** The input ended (end of file, or the microphone was closed) after {@code sent} of audio. */
    default void inputEnded(Duration sent) {
    }
}
