package dev.livetools.audio;

/**
 * No usable sound device: a server or CI machine without a sound card, a device in use, or Java Sound missing. The
 * message is one line a user can act on, naming the option that works without a device.
 */
public final class AudioDeviceUnavailableException extends RuntimeException {

    public AudioDeviceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
