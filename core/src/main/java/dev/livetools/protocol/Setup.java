package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client message {@code setup}: the first and only configuration message of a connection (a second one is closed
 * with 1007). {@code model} is {@code models/<id>} on the Gemini API and
 * {@code projects/P/locations/L/publishers/google/models/<id>} on Vertex AI. Fields this model does not know
 * ({@code proactivity}, {@code historyConfig}, {@code explicitVadSignal}, ...) travel verbatim in {@code extra}.
 */
public record Setup(String model, GenerationConfig generationConfig, Content systemInstruction, List<Tool> tools,
                    RealtimeInputConfig realtimeInputConfig, SessionResumptionConfig sessionResumption,
                    ContextWindowCompression contextWindowCompression,
                    AudioTranscriptionConfig inputAudioTranscription,
                    AudioTranscriptionConfig outputAudioTranscription, Map<String, JsonNode> extra)
        implements ClientMessage {

    public Setup {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("setup.model is required, e.g. models/gemini-3.8-live");
        }
        tools = tools == null ? null : List.copyOf(tools);
        extra = Extra.copy(extra);
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    public Builder toBuilder() {
        Builder b = new Builder(model);
        b.generationConfig = generationConfig;
        b.systemInstruction = systemInstruction;
        if (tools != null) {
            b.tools = new ArrayList<>(tools);
        }
        b.realtimeInputConfig = realtimeInputConfig;
        b.sessionResumption = sessionResumption;
        b.contextWindowCompression = contextWindowCompression;
        b.inputAudioTranscription = inputAudioTranscription;
        b.outputAudioTranscription = outputAudioTranscription;
        b.extra.putAll(extra);
        return b;
    }

    /** The same setup resuming the session behind {@code handle} (what a reconnect sends). */
    public Setup resuming(String handle) {
        Boolean transparent = sessionResumption == null ? null : sessionResumption.transparent();
        return toBuilder().sessionResumption(new SessionResumptionConfig(handle, transparent)).build();
    }

    /** All function declarations across {@code tools}. */
    public List<FunctionDeclaration> functionDeclarations() {
        List<FunctionDeclaration> out = new ArrayList<>();
        if (tools != null) {
            for (Tool t : tools) {
                if (t.functionDeclarations() != null) {
                    out.addAll(t.functionDeclarations());
                }
            }
        }
        return out;
    }

    @Override
    public String kind() {
        return "setup";
    }

    /** Builds a {@link Setup}; unset fields are omitted from the JSON. */
    public static final class Builder {
        private final String model;
        private GenerationConfig generationConfig;
        private Content systemInstruction;
        private List<Tool> tools;
        private RealtimeInputConfig realtimeInputConfig;
        private SessionResumptionConfig sessionResumption;
        private ContextWindowCompression contextWindowCompression;
        private AudioTranscriptionConfig inputAudioTranscription;
        private AudioTranscriptionConfig outputAudioTranscription;
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();

        private Builder(String model) {
            this.model = model;
        }

        public Builder generationConfig(GenerationConfig v) {
            this.generationConfig = v;
            return this;
        }

        /** Shorthand for {@code generationConfig.responseModalities = [modality]} ({@code TEXT} or {@code AUDIO}). */
        public Builder responseModality(String modality) {
            GenerationConfig.Builder g = generationConfig == null ? GenerationConfig.builder()
                    : generationConfig.toBuilder();
            this.generationConfig = g.responseModalities(modality).build();
            return this;
        }

        /** Shorthand for a prebuilt voice in {@code generationConfig.speechConfig}. */
        public Builder voice(String voiceName) {
            GenerationConfig.Builder g = generationConfig == null ? GenerationConfig.builder()
                    : generationConfig.toBuilder();
            this.generationConfig = g.voice(voiceName).build();
            return this;
        }

        public Builder systemInstruction(Content v) {
            this.systemInstruction = v;
            return this;
        }

        public Builder systemInstruction(String text) {
            this.systemInstruction = text == null ? null : new Content(null, List.of(Part.text(text)));
            return this;
        }

        public Builder tools(List<Tool> v) {
            this.tools = v == null ? null : new ArrayList<>(v);
            return this;
        }

        public Builder tool(Tool v) {
            if (tools == null) {
                tools = new ArrayList<>();
            }
            tools.add(v);
            return this;
        }

        /** Declares these functions in one {@code tools} entry; no entry when the list is empty. */
        public Builder functionDeclarations(List<FunctionDeclaration> declarations) {
            return declarations.isEmpty() ? this : tool(new Tool(declarations));
        }

        public Builder realtimeInputConfig(RealtimeInputConfig v) {
            this.realtimeInputConfig = v;
            return this;
        }

        public Builder sessionResumption(SessionResumptionConfig v) {
            this.sessionResumption = v;
            return this;
        }

        public Builder contextWindowCompression(ContextWindowCompression v) {
            this.contextWindowCompression = v;
            return this;
        }

        public Builder inputAudioTranscription(AudioTranscriptionConfig v) {
            this.inputAudioTranscription = v;
            return this;
        }

        public Builder outputAudioTranscription(AudioTranscriptionConfig v) {
            this.outputAudioTranscription = v;
            return this;
        }

        /** A setup field this model does not know, sent verbatim. */
        public Builder extra(String key, JsonNode value) {
            this.extra.put(key, value);
            return this;
        }

        public Setup build() {
            return new Setup(model, generationConfig, systemInstruction, tools, realtimeInputConfig,
                    sessionResumption, contextWindowCompression, inputAudioTranscription, outputAudioTranscription,
                    extra);
        }
    }
}
