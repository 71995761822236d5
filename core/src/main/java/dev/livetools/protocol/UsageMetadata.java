package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * {@code usageMetadata}, a sibling of the message kind in a frame. The Gemini API says {@code responseTokenCount}
 * and Vertex AI says {@code candidatesTokenCount}; both land in {@code responseTokenCount} (and likewise the details).
 * Counts the server did not send are 0.
 */
public record UsageMetadata(long promptTokenCount, long cachedContentTokenCount, long responseTokenCount,
                            long toolUsePromptTokenCount, long thoughtsTokenCount, long totalTokenCount,
                            List<ModalityTokenCount> promptTokensDetails,
                            List<ModalityTokenCount> responseTokensDetails, Map<String, JsonNode> extra) {

    public UsageMetadata {
        promptTokensDetails = promptTokensDetails == null ? List.of() : List.copyOf(promptTokensDetails);
        responseTokensDetails = responseTokensDetails == null ? List.of() : List.copyOf(responseTokensDetails);
        extra = Extra.copy(extra);
    }

    public static UsageMetadata of(long prompt, long response) {
        return new UsageMetadata(prompt, 0, response, 0, 0, prompt + response, null, null, null);
    }

    /** {@code {modality: TEXT|AUDIO|IMAGE|VIDEO|DOCUMENT, tokenCount}}. */
    public record ModalityTokenCount(String modality, long tokenCount) {
    }
}
