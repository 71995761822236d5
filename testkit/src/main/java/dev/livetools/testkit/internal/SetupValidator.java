package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.protocol.SchemaRules;
import dev.livetools.protocol.internal.CamelCaseTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code setup} message the way the Live service does before it answers {@code setupComplete}: known
 * fields only (proto parsing), a model that exists, one response modality, and function declarations that obey
 * Gemini's rules (names, schema types, formats, the OpenAPI subset: all from core's {@link SchemaRules}, the one
 * written-down copy the schema generator checks itself against too). The first problem found becomes the close reason,
 * worded like the service's own errors and starting with the culprit's path so truncation keeps it.
 */
public final class SetupValidator {

    private static final Set<String> SETUP_FIELDS = Set.of("model", "generationConfig", "systemInstruction", "tools",
            "realtimeInputConfig", "sessionResumption", "contextWindowCompression", "inputAudioTranscription",
            "outputAudioTranscription", "proactivity", "historyConfig", "avatarConfig", "safetySettings");
    private static final Set<String> GENERATION_FIELDS = Set.of("responseModalities", "speechConfig", "temperature",
            "topP", "topK", "maxOutputTokens", "seed", "candidateCount", "presencePenalty", "frequencyPenalty",
            "mediaResolution", "thinkingConfig", "enableAffectiveDialog", "translationConfig",
            // Proto fields of GenerationConfig that Live refuses (generative_service.proto comment).
            "responseLogprobs", "responseMimeType", "logprobs", "responseSchema", "responseJsonSchema",
            "stopSequences", "routingConfig", "audioTimestamp");
    private static final Set<String> UNSUPPORTED_IN_LIVE = Set.of("responseLogprobs", "responseMimeType", "logprobs",
            "responseSchema", "responseJsonSchema", "stopSequences", "routingConfig", "audioTimestamp");
    private static final Set<String> TOOL_FIELDS = Set.of("functionDeclarations", "googleSearch", "codeExecution",
            "urlContext", "googleSearchRetrieval", "googleMaps", "computerUse", "fileSearch", "mcpServers");
    private static final Set<String> DECLARATION_FIELDS = Set.of("name", "description", "parameters",
            "parametersJsonSchema", "response", "responseJsonSchema", "behavior");
    private static final Set<String> BEHAVIORS = Set.of("UNSPECIFIED", "BLOCKING", "NON_BLOCKING");
    private static final Set<String> MODALITIES = Set.of("TEXT", "AUDIO");

    private final Set<String> knownModels;

    /**
     * @param knownModels model ids without the {@code models/} prefix; empty accepts any model
     */
    public SetupValidator(Set<String> knownModels) {
        this.knownModels = Set.copyOf(knownModels);
    }

    /** The accepted setup, or the rejection that closes the connection. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    /** A valid setup: what the session needs from it. */
    public record Accepted(String model, List<String> functionNames) implements Outcome {
    }

    public record Rejected(Rejection rejection) implements Outcome {
    }

    /** Signals the first problem; internal to one validation. */
    private static final class Invalid extends Exception {
        private final transient Rejection rejection;

        Invalid(Rejection rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }

    /**
     * @param setup      the {@code setup} value, field names already in lowerCamelCase
     * @param apiVersion {@code v1beta} or {@code v1alpha}, for the model error text
     */
    public Outcome validate(JsonNode setup, String apiVersion) {
        try {
            return accept(setup, apiVersion);
        } catch (Invalid e) {
            return new Rejected(e.rejection);
        }
    }

    private Accepted accept(JsonNode setup, String apiVersion) throws Invalid {
        if (!setup.isObject()) {
            throw invalid(Rejection.INVALID_ARGUMENT);
        }
        onlyKnownFields(setup, SETUP_FIELDS, "setup");
        String model = checkModel(setup.path("model"), apiVersion);
        checkGenerationConfig(setup.path("generationConfig"));
        List<String> functions = checkTools(setup.path("tools"));
        return new Accepted(model, functions);
    }

    private String checkModel(JsonNode node, String apiVersion) throws Invalid {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw invalid("setup.model: " + Rejection.INVALID_ARGUMENT);
        }
        String model = node.asText();
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (!knownModels.isEmpty() && !knownModels.contains(id)) {
            throw new Invalid(new Rejection(Rejection.POLICY, model + " is not found for API version " + apiVersion
                    + ", or is not supported for bidiGenerateContent. Call ListModels to see the list of available"
                    + " models and their supported methods."));
        }
        return model;
    }

    private void checkGenerationConfig(JsonNode config) throws Invalid {
        if (config.isMissingNode()) {
            return;
        }
        onlyKnownFields(config, GENERATION_FIELDS, "setup.generation_config");
        for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (UNSUPPORTED_IN_LIVE.contains(name)) {
                throw invalid("setup.generation_config." + CamelCaseTree.snakeCase(name)
                        + " is not supported by BidiGenerateContent. " + Rejection.INVALID_ARGUMENT);
            }
        }
        JsonNode modalities = config.path("responseModalities");
        if (modalities.isMissingNode()) {
            return;
        }
        if (!modalities.isArray() || modalities.size() > 1) {
            throw invalid("setup.generation_config.response_modalities: exactly one of TEXT or AUDIO. "
                    + Rejection.INVALID_ARGUMENT);
        }
        for (JsonNode modality : modalities) {
            if (!MODALITIES.contains(modality.asText())) {
                throw invalid("Invalid value at 'setup.generation_config.response_modalities[0]' (Modality), \""
                        + modality.asText() + "\"");
            }
        }
    }

    private List<String> checkTools(JsonNode tools) throws Invalid {
        List<String> names = new ArrayList<>();
        if (tools.isMissingNode()) {
            return names;
        }
        if (!tools.isArray()) {
            throw invalid("Invalid value at 'setup.tools': expected a list");
        }
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < tools.size(); t++) {
            JsonNode tool = tools.get(t);
            String toolPath = "setup.tools[" + t + "]";
            onlyKnownFields(tool, TOOL_FIELDS, toolPath);
            JsonNode declarations = tool.path("functionDeclarations");
            for (int d = 0; d < declarations.size(); d++) {
                String path = "tools[" + t + "].function_declarations[" + d + "]";
                String name = checkDeclaration(declarations.get(d), path);
                if (!seen.add(name)) {
                    throw invalid(path + ".name: [FIELD_INVALID] Duplicate function declaration found: " + name);
                }
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private String checkDeclaration(JsonNode declaration, String path) throws Invalid {
        onlyKnownFields(declaration, DECLARATION_FIELDS, "setup." + path);
        String name = declaration.path("name").asText("");
        String nameError = SchemaRules.functionNameError(name);
        if (nameError != null) {
            throw invalid(path + ".name: " + nameError);
        }
        JsonNode behavior = declaration.path("behavior");
        if (!behavior.isMissingNode() && !BEHAVIORS.contains(behavior.asText())) {
            throw invalid("Invalid value at 'setup." + path + ".behavior' (Behavior), \"" + behavior.asText() + "\"");
        }
        JsonNode parameters = declaration.path("parameters");
        if (!parameters.isMissingNode()) {
            checkSchema(parameters, path + ".parameters");
        }
        JsonNode response = declaration.path("response");
        if (!response.isMissingNode()) {
            checkSchema(response, path + ".response");
        }
        return name;
    }

    private void checkSchema(JsonNode schema, String path) throws Invalid {
        onlyKnownFields(schema, SchemaRules.FIELDS, "setup." + path);
        String type = schema.path("type").asText("TYPE_UNSPECIFIED").toUpperCase(Locale.ROOT);
        if (!SchemaRules.isKnownType(type)) {
            throw invalid("Invalid value at 'setup." + path + ".type' (Type), \"" + schema.path("type").asText()
                    + "\"");
        }
        String formatError = SchemaRules.formatError(type, schema.path("format").asText(""));
        if (formatError != null) {
            throw invalid(path + ".format: " + formatError);
        }
        JsonNode enumValues = schema.path("enum");
        if (!enumValues.isMissingNode()) {
            if (!SchemaRules.allowsEnum(type)) {
                throw invalid(path + ".enum: " + SchemaRules.ENUM_ONLY_ON_STRING);
            }
            for (int i = 0; i < enumValues.size(); i++) {
                if (!enumValues.get(i).isTextual()) {
                    throw invalid("Invalid value at 'setup." + path + ".enum[" + i + "]' (TYPE_STRING), "
                            + enumValues.get(i));
                }
            }
        }
        if (type.equals("ARRAY")) {
            if (schema.path("items").isMissingNode()) {
                throw invalid(path + ".items: " + SchemaRules.ARRAY_NEEDS_ITEMS);
            }
            checkSchema(schema.get("items"), path + ".items");
        }
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                checkSchema(property.getValue(), path + ".properties[" + property.getKey() + "]");
            }
        }
        JsonNode required = schema.path("required");
        for (int i = 0; i < required.size(); i++) {
            if (!properties.has(required.get(i).asText())) {
                throw invalid(path + ".required[" + i + "]: " + SchemaRules.REQUIRED_NOT_DEFINED);
            }
        }
        JsonNode anyOf = schema.path("anyOf");
        for (int i = 0; i < anyOf.size(); i++) {
            checkSchema(anyOf.get(i), path + ".any_of[" + i + "]");
        }
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String path) throws Invalid {
        if (!node.isObject()) {
            throw invalid("Invalid value at '" + path + "': expected an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid("Invalid JSON payload received. Unknown name \"" + name + "\" at '" + path
                        + "': Cannot find field.");
            }
        }
    }

    private static Invalid invalid(String reason) {
        return new Invalid(Rejection.invalid(reason));
    }
}
