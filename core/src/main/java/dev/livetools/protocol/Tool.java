package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entry of {@code setup.tools}. LiveTools declares its functions in a single such entry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(List<FunctionDeclaration> functionDeclarations) {

    public Tool {
        functionDeclarations = functionDeclarations == null ? null : List.copyOf(functionDeclarations);
    }
}
