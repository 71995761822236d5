package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server message {@code serverContent}: incremental model output and turn boundaries. {@code generationComplete}
 * comes before {@code turnComplete}; an interrupted turn goes {@code interrupted} then {@code turnComplete} (stop
 * playback, flush queued audio). A tool call does not end a turn: no {@code turnComplete} comes until the response is
 * sent. Fields this model does not know ({@code groundingMetadata}, {@code interactionStatus}, ...) are in
 * {@code extra}.
 *
 * @param turnCompleteReason e.g. {@code NEED_MORE_INPUT}, {@code MALFORMED_FUNCTION_CALL}
 */
public record ServerContent(Content modelTurn, boolean turnComplete, boolean interrupted, boolean generationComplete,
                            Transcription inputTranscription, Transcription outputTranscription,
                            Transcription interimInputTranscription, String turnCompleteReason,
                            boolean waitingForInput, Map<String, JsonNode> extra) {

    public ServerContent {
        extra = Extra.copy(extra);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A model turn holding these parts. */
    public static ServerContent modelTurn(Part... parts) {
        return builder().modelTurn(new Content(null, List.of(parts))).build();
    }

    public static ServerContent text(String text) {
        return modelTurn(Part.text(text));
    }

    public static ServerContent ofTurnComplete() {
        return builder().turnComplete(true).build();
    }

    public static ServerContent ofGenerationComplete() {
        return builder().generationComplete(true).build();
    }

    public static ServerContent ofInterrupted() {
        return builder().interrupted(true).build();
    }

    public static ServerContent outputTranscription(String text) {
        return builder().outputTranscription(Transcription.of(text)).build();
    }

    public static ServerContent inputTranscription(String text) {
        return builder().inputTranscription(Transcription.of(text)).build();
    }

    /** The parts of {@code modelTurn}; empty when there is none. */
    public List<Part> parts() {
        return modelTurn == null ? List.of() : modelTurn.parts();
    }

    /** Builds a {@link ServerContent} (for emulators and tests). */
    public static final class Builder {
        private Content modelTurn;
        private boolean turnComplete;
        private boolean interrupted;
        private boolean generationComplete;
        private Transcription inputTranscription;
        private Transcription outputTranscription;
        private Transcription interimInputTranscription;
        private String turnCompleteReason;
        private boolean waitingForInput;
        private final Map<String, JsonNode> extra = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder modelTurn(Content v) {
            this.modelTurn = v;
            return this;
        }

        public Builder turnComplete(boolean v) {
            this.turnComplete = v;
            return this;
        }

        public Builder interrupted(boolean v) {
            this.interrupted = v;
            return this;
        }

        public Builder generationComplete(boolean v) {
            this.generationComplete = v;
            return this;
        }

        public Builder inputTranscription(Transcription v) {
            this.inputTranscription = v;
            return this;
        }

        public Builder outputTranscription(Transcription v) {
            this.outputTranscription = v;
            return this;
        }

        public Builder interimInputTranscription(Transcription v) {
            this.interimInputTranscription = v;
            return this;
        }

        public Builder turnCompleteReason(String v) {
            this.turnCompleteReason = v;
            return this;
        }

        public Builder waitingForInput(boolean v) {
            this.waitingForInput = v;
            return this;
        }

        public Builder extra(String key, JsonNode value) {
            this.extra.put(key, value);
            return this;
        }

        public ServerContent build() {
            return new ServerContent(modelTurn, turnComplete, interrupted, generationComplete, inputTranscription,
                    outputTranscription, interimInputTranscription, turnCompleteReason, waitingForInput, extra);
        }
    }
}
