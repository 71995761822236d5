package dev.livetools.protocol;

/** Server message {@code voiceActivityDetectionSignal} (allow-listed): {@code VAD_SIGNAL_TYPE_SOS} or {@code _EOS}. */
public record VoiceActivityDetectionSignal(String vadSignalType) {

    public boolean isStartOfSpeech() {
        return "VAD_SIGNAL_TYPE_SOS".equals(vadSignalType);
    }
}
