package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code setup.tools}. LiveTools declares its functions in a single such entry; other tool kinds
 * ({@code googleSearch}, {@code codeExecution}, ...) are kept verbatim in {@code extra}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(List<FunctionDeclaration> functionDeclarations,
                   @com.fasterxml.jackson.annotation.JsonIgnore Map<String, JsonNode> extra) {

    public Tool {
        functionDeclarations = functionDeclarations == null ? null : List.copyOf(functionDeclarations);
        extra = Extra.copy(extra);
    }

    public Tool(List<FunctionDeclaration> functionDeclarations) {
        this(functionDeclarations, null);
    }

    /** {@code {"googleSearch": {}}}. */
    public static Tool googleSearch() {
        return new Tool(null, Map.of("googleSearch", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()));
    }

    @JsonAnyGetter
    Map<String, JsonNode> jsonExtra() {
        return extra;
    }
}
