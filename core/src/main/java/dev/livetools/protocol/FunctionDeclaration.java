package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code setup.tools[].functionDeclarations}. {@code parameters} is absent for a tool without
 * parameters; {@code behavior} is {@code "BLOCKING"} or {@code "NON_BLOCKING"}, absent to leave the model's default.
 * The name must follow {@link SchemaRules#FUNCTION_NAME}; {@link SchemaRules#check(FunctionDeclaration)} says whether
 * the service would accept the whole declaration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "behavior", "parameters"})
public record FunctionDeclaration(String name, String description, String behavior, Schema parameters) {

    public FunctionDeclaration {
        if (!SchemaRules.isValidFunctionName(name)) {
            throw new IllegalArgumentException("invalid function name '" + name + "': Gemini allows "
                    + SchemaRules.FUNCTION_NAME.pattern());
        }
        if (parameters != null && parameters.type() != Schema.Type.OBJECT) {
            throw new IllegalArgumentException("function '" + name + "': parameters must be an OBJECT schema");
        }
        if (behavior != null && !behavior.equals("BLOCKING") && !behavior.equals("NON_BLOCKING")) {
            throw new IllegalArgumentException("function '" + name + "': unknown behavior " + behavior);
        }
    }
}
