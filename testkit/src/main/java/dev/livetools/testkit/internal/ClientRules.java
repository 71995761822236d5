package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.internal.CamelCaseTree;
import java.util.Iterator;
import java.util.Set;

/**
 * What the service refuses in a client message beyond what core's codec decodes (the codec keeps unknown fields, a
 * server refuses them): the emulator checks these on the message tree (names in lowerCamelCase) before decoding it
 * with the codec, and words each refusal like the service's proto parser, so a close reason reads like the real one.
 */
final class ClientRules {

    /** The proto {@code oneof} of BidiGenerateContentClientMessage, plus {@code contextUpdate} (live-protocol.md §2). */
    static final Set<String> KINDS = Set.of("setup", "clientContent", "realtimeInput", "toolResponse",
            "contextUpdate");
    /** FunctionResponse fields (live-protocol.md §3.4). */
    private static final Set<String> FUNCTION_RESPONSE_FIELDS = Set.of("id", "name", "response", "scheduling",
            "willContinue", "parts");
    private static final Set<String> SCHEDULING = Set.of("SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE",
            "INTERRUPT");

    private ClientRules() {
    }

    /** The message's single top-level field, or a refusal when there is none, several, or an unknown one. */
    static String kind(JsonNode message) throws Invalid {
        if (!message.isObject()) {
            throw new Invalid("Invalid JSON payload received. Expected an object.");
        }
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KINDS.contains(name)) {
                throw new Invalid("Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field.");
            }
        }
        if (message.size() != 1) {
            throw new Invalid(Rejection.INVALID_ARGUMENT);
        }
        return message.fieldNames().next();
    }

    /** Function responses with only known fields, a Struct {@code response} and a known {@code scheduling}. */
    static void checkToolResponse(JsonNode body) throws Invalid {
        JsonNode responses = body.path("functionResponses");
        if (!responses.isArray() || responses.isEmpty()) {
            throw new Invalid(Rejection.INVALID_ARGUMENT);
        }
        for (int i = 0; i < responses.size(); i++) {
            JsonNode response = responses.get(i);
            String path = "tool_response.function_responses[" + i + "]";
            if (!response.isObject()) {
                throw new Invalid("Invalid value at '" + path + "': expected an object");
            }
            for (Iterator<String> names = response.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FUNCTION_RESPONSE_FIELDS.contains(name)) {
                    throw new Invalid("Invalid JSON payload received. Unknown name \"" + name + "\" at '" + path
                            + "': Cannot find field.");
                }
            }
            JsonNode value = response.path("response");
            if (!value.isMissingNode() && !value.isObject()) {
                throw new Invalid("Invalid value at '" + path + ".response' (type.googleapis.com/google.protobuf"
                        + ".Struct), " + WireJson.compact(value));
            }
            JsonNode scheduling = response.path("scheduling");
            if (!scheduling.isMissingNode() && !SCHEDULING.contains(scheduling.asText())) {
                throw new Invalid("Invalid value at '" + path + ".scheduling' (Scheduling), \"" + scheduling.asText()
                        + "\"");
            }
        }
    }

    /** A frame the codec could not decode, in the service's words: the field path in proto (snake_case) spelling. */
    static Invalid fromCodec(ProtocolException e) {
        String prefix = "malformed Live message at '" + e.field() + "': ";
        String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length())
                : e.getMessage();
        return new Invalid("Invalid value at '" + snakePath(e.field()) + "': " + problem);
    }

    private static String snakePath(String field) {
        StringBuilder out = new StringBuilder();
        for (String segment : field.split("\\.")) {
            out.append(out.length() == 0 ? "" : ".").append(CamelCaseTree.snakeCase(segment));
        }
        return out.toString();
    }

    /** A client message the service would refuse with 1007. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }

        Rejection rejection() {
            return Rejection.invalid(getMessage());
        }
    }
}
