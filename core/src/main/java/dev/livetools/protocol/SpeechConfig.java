package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code generationConfig.speechConfig}. {@code voiceName} is {@code voiceConfig.prebuiltVoiceConfig.voiceName} on the
 * wire; any other voice configuration (multi-speaker, replicated voices) stays in {@code extra}, verbatim.
 */
public record SpeechConfig(String voiceName, String languageCode, Map<String, JsonNode> extra) {

    public SpeechConfig {
        extra = Extra.copy(extra);
        if (voiceName != null && extra.containsKey("voiceConfig")) {
            throw new IllegalArgumentException("speechConfig: set voiceName or a raw voiceConfig in extra, not both");
        }
    }

    public static SpeechConfig voice(String voiceName) {
        return new SpeechConfig(voiceName, null, null);
    }
}
