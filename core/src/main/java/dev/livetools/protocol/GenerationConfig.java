package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code setup.generationConfig}. {@code responseModalities} holds exactly one of {@code TEXT} or {@code AUDIO} in
 * practice (native-audio and 3.8 models: AUDIO only). Rarely used fields ({@code candidateCount}, penalties,
 * {@code enableAffectiveDialog}, {@code translationConfig}, ...) travel in {@code extra}.
 */
public record GenerationConfig(List<String> responseModalities, SpeechConfig speechConfig, Double temperature,
                               Double topP, Integer topK, Integer maxOutputTokens, Long seed, String mediaResolution,
                               ThinkingConfig thinkingConfig, Map<String, JsonNode> extra) {

    public GenerationConfig {
        responseModalities = responseModalities == null ? null : List.copyOf(responseModalities);
        extra = Extra.copy(extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.responseModalities = responseModalities;
        b.speechConfig = speechConfig;
        b.temperature = temperature;
        b.topP = topP;
        b.topK = topK;
        b.maxOutputTokens = maxOutputTokens;
        b.seed = seed;
        b.mediaResolution = mediaResolution;
        b.thinkingConfig = thinkingConfig;
        b.extra.putAll(extra);
        return b;
    }

    /** Builds a {@link GenerationConfig}; unset fields are omitted from the JSON. */
    public static final class Builder {
        private List<String> responseModalities;
        private SpeechConfig speechConfig;
        private Double temperature;
        private Double topP;
        private Integer topK;
        private Integer maxOutputTokens;
        private Long seed;
        private String mediaResolution;
        private ThinkingConfig thinkingConfig;
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder responseModalities(String... modalities) {
            this.responseModalities = List.of(modalities);
            return this;
        }

        public Builder speechConfig(SpeechConfig v) {
            this.speechConfig = v;
            return this;
        }

        /** A prebuilt voice such as {@code Kore} or {@code Puck}. */
        public Builder voice(String voiceName) {
            this.speechConfig = new SpeechConfig(voiceName, speechConfig == null ? null : speechConfig.languageCode(),
                    speechConfig == null ? null : speechConfig.extra());
            return this;
        }

        public Builder temperature(Double v) {
            this.temperature = v;
            return this;
        }

        public Builder topP(Double v) {
            this.topP = v;
            return this;
        }

        public Builder topK(Integer v) {
            this.topK = v;
            return this;
        }

        public Builder maxOutputTokens(Integer v) {
            this.maxOutputTokens = v;
            return this;
        }

        public Builder seed(Long v) {
            this.seed = v;
            return this;
        }

        public Builder mediaResolution(String v) {
            this.mediaResolution = v;
            return this;
        }

        public Builder thinkingConfig(ThinkingConfig v) {
            this.thinkingConfig = v;
            return this;
        }

        /** A field this model does not know, sent verbatim. */
        public Builder extra(String key, JsonNode value) {
            this.extra.put(key, value);
            return this;
        }

        public GenerationConfig build() {
            return new GenerationConfig(responseModalities, speechConfig, temperature, topP, topK, maxOutputTokens,
                    seed, mediaResolution, thinkingConfig, extra);
        }
    }
}
