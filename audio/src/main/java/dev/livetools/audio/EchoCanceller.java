package dev.livetools.audio;

import java.util.Optional;

/**
 * Acoustic echo cancellation: removes from the microphone what the speaker played into it, so the model does not
 * hear itself through laptop speakers. Feed it what was played ({@link #played}, 24 kHz as output) and pass each
 * captured chunk through {@link #clean} (16 kHz, as sent). Java Sound has none; {@link #webRtc()} uses the WebRTC
 * audio processing module when {@code dev.onvoid.webrtc:webrtc-java} and its native library are on the class path.
 */
public interface EchoCanceller extends AutoCloseable {

    /** Tells the canceller what the speaker just played (24 kHz mono 16-bit). */
    void played(byte[] pcm24k);

    /** The captured chunk (16 kHz mono 16-bit, a multiple of 10 ms) with the speaker's echo removed. */
    byte[] clean(byte[] pcm16k);

    @Override
    void close();

    /**
     * The WebRTC audio processing module's echo canceller, or empty (with the reason logged at debug) when
     * webrtc-java or its native library for this platform is not available.
     */
    static Optional<EchoCanceller> webRtc() {
        return WebRtcEchoCanceller.create();
    }
}
