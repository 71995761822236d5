package dev.livetools.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.regex.Pattern;

/**
 * One entry of {@code setup.tools[].functionDeclarations}. {@code parameters} is absent for a tool without
 * parameters; {@code behavior} is {@code "BLOCKING"} or {@code "NON_BLOCKING"}, absent to leave the model's default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "behavior", "parameters"})
public record FunctionDeclaration(String name, String description, String behavior, Schema parameters) {

    /** Gemini's rule for function names (ai.google.dev FunctionDeclaration.name). */
    public static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    public FunctionDeclaration {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid function name '" + name + "': Gemini allows "
                    + VALID_NAME.pattern());
        }
        if (parameters != null && parameters.type() != Schema.Type.OBJECT) {
            throw new IllegalArgumentException("function '" + name + "': parameters must be an OBJECT schema");
        }
        if (behavior != null && !behavior.equals("BLOCKING") && !behavior.equals("NON_BLOCKING")) {
            throw new IllegalArgumentException("function '" + name + "': unknown behavior " + behavior);
        }
    }
}
