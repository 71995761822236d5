package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** {@code setup.input/outputAudioTranscription}: its presence (even empty) turns transcription on. */
public record AudioTranscriptionConfig(List<String> languageCodes, Map<String, JsonNode> extra) {

    public AudioTranscriptionConfig {
        languageCodes = languageCodes == null ? null : List.copyOf(languageCodes);
        extra = Extra.copy(extra);
    }

    public static AudioTranscriptionConfig enabled() {
        return new AudioTranscriptionConfig(null, null);
    }
}
