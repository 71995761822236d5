package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One part of a {@link Content}. As in the proto, normally exactly one of the payload fields is set; the model also
 * emits {@code thought:true} on text parts. Fields this model does not know (e.g. {@code thoughtSignature},
 * {@code fileData}) are kept in {@code extra}.
 *
 * @param executableCode     code the half-cascade model prints before a {@code toolCall}; informational, never run
 * @param codeExecutionResult the outcome of server-side code execution
 */
public record Part(String text, Boolean thought, Blob inlineData, FunctionCall functionCall,
                   ExecutableCode executableCode, CodeExecutionResult codeExecutionResult,
                   Map<String, JsonNode> extra) {

    public Part {
        extra = Extra.copy(extra);
    }

    public static Part text(String text) {
        return new Part(java.util.Objects.requireNonNull(text, "text"), null, null, null, null, null, null);
    }

    public static Part inlineData(Blob blob) {
        return new Part(null, null, java.util.Objects.requireNonNull(blob, "blob"), null, null, null, null);
    }

    public static Part functionCall(FunctionCall call) {
        return new Part(null, null, null, java.util.Objects.requireNonNull(call, "call"), null, null, null);
    }

    public boolean isThought() {
        return Boolean.TRUE.equals(thought);
    }

    /** {@code {language, code}}, e.g. {@code PYTHON}. */
    public record ExecutableCode(String language, String code) {
    }

    /** {@code {outcome, output}}, e.g. {@code OUTCOME_OK}. */
    public record CodeExecutionResult(String outcome, String output) {
    }
}
