package dev.livetools.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Setup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoiceSettingsTest {

    private static JsonNode setupJson(VoiceSettings settings) throws Exception {
        Setup setup = settings.applyTo(Setup.builder("models/gemini-3.8-live").responseModality("AUDIO")).build();
        return new ObjectMapper().readTree(new LiveCodec().encode(setup)).get("setup");
    }

    @Test
    void voiceAndLanguageGoInSpeechConfig() throws Exception {
        JsonNode s = setupJson(new VoiceSettings("Kore", "de-DE", true, false, null, null, null, null, true));

        assertThat(s.at("/generationConfig/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName").asText())
                .isEqualTo("Kore");
        assertThat(s.at("/generationConfig/speechConfig/languageCode").asText()).isEqualTo("de-DE");
        assertThat(s.at("/generationConfig/responseModalities/0").asText()).isEqualTo("AUDIO");
    }

    @Test
    void transcriptionOfBothSidesIsOnByDefault() throws Exception {
        JsonNode s = setupJson(VoiceSettings.defaults());

        assertThat(s.has("inputAudioTranscription")).isTrue();
        assertThat(s.has("outputAudioTranscription")).isTrue();
        assertThat(s.has("realtimeInputConfig")).isFalse();
        assertThat(s.at("/generationConfig/speechConfig").isMissingNode()).isTrue();
    }

    @Test
    void pushToTalkDisablesAutomaticActivityDetection() throws Exception {
        JsonNode s = setupJson(new VoiceSettings(null, null, true, true, null, null, null, null, true));

        assertThat(s.at("/realtimeInputConfig/automaticActivityDetection/disabled").asBoolean()).isTrue();
    }

    @Test
    void activityDetectionSettingsUseTheServiceEnumNames() throws Exception {
        JsonNode s = setupJson(new VoiceSettings(null, null, true, false, "low", "HIGH", 20, 500, false));

        JsonNode aad = s.at("/realtimeInputConfig/automaticActivityDetection");
        assertThat(aad.get("startOfSpeechSensitivity").asText()).isEqualTo("START_SENSITIVITY_LOW");
        assertThat(aad.get("endOfSpeechSensitivity").asText()).isEqualTo("END_SENSITIVITY_HIGH");
        assertThat(aad.get("prefixPaddingMs").asInt()).isEqualTo(20);
        assertThat(aad.get("silenceDurationMs").asInt()).isEqualTo(500);
        assertThat(aad.has("disabled")).isFalse();
        assertThat(s.at("/realtimeInputConfig/activityHandling").asText()).isEqualTo("NO_INTERRUPTION");
    }

    @Test
    void pushToTalkWithDetectionSettingsIsRefused() {
        assertThatThrownBy(() -> new VoiceSettings(null, null, true, true, "LOW", null, null, null, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("push-to-talk");
    }

    @Test
    void aSensitivityOtherThanHighOrLowIsRefused() {
        assertThatThrownBy(() -> new VoiceSettings(null, null, true, false, "MEDIUM", null, null, null, true))
                .hasMessage("start sensitivity must be HIGH or LOW, got 'MEDIUM'");
    }

    @Test
    void aMalformedLanguageCodeIsRefused() {
        assertThatThrownBy(() -> new VoiceSettings(null, "english", true, false, null, null, null, null, true))
                .hasMessageContaining("BCP-47");
    }
}
