package dev.livetools.audio;

/** Audio that cannot be used: a file that is not a WAV, or an encoding this module does not read. */
public final class AudioFormatException extends IllegalArgumentException {

    public AudioFormatException(String message) {
        super(message);
    }
}
