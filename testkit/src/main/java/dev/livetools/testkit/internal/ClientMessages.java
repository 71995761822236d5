package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads client messages after setup the way proto parsing does: exactly one known top-level field, function
 * responses whose {@code response} is a JSON object (a Struct). Produces the events scenarios match on.
 */
public final class ClientMessages {

    public static final Set<String> TOP_LEVEL = Set.of("setup", "clientContent", "realtimeInput", "toolResponse",
            "contextUpdate");
    private static final Set<String> FUNCTION_RESPONSE_FIELDS = Set.of("id", "name", "response", "scheduling",
            "willContinue", "parts");
    private static final Set<String> SCHEDULING = Set.of("SCHEDULING_UNSPECIFIED", "SILENT", "WHEN_IDLE",
            "INTERRUPT");

    private ClientMessages() {
    }

    /** The message's single top-level field, or a rejection when there is none, several, or an unknown one. */
    public static String type(JsonNode message) throws Invalid {
        if (!message.isObject()) {
            throw new Invalid("Invalid JSON payload received. Expected an object.");
        }
        for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new Invalid("Invalid JSON payload received. Unknown name \"" + name + "\": Cannot find field.");
            }
        }
        if (message.size() != 1) {
            throw new Invalid(Rejection.INVALID_ARGUMENT);
        }
        return message.fieldNames().next();
    }

    /** The events of a non-setup message. */
    public static List<ClientEvent> events(String type, JsonNode body, int connection) throws Invalid {
        List<ClientEvent> events = new ArrayList<>();
        switch (type) {
            case "clientContent" -> clientContent(body, connection, events);
            case "realtimeInput" -> realtimeInput(body, connection, events);
            case "toolResponse" -> toolResponse(body, connection, events);
            case "contextUpdate" -> events.add(new ClientEvent(ClientEvent.Kind.CONTEXT_UPDATE, "", 0, body,
                    connection));
            default -> throw new Invalid(Rejection.INVALID_ARGUMENT);
        }
        return events;
    }

    private static void clientContent(JsonNode body, int connection, List<ClientEvent> events) {
        StringBuilder text = new StringBuilder();
        for (JsonNode turn : body.path("turns")) {
            if (turn.path("role").asText("user").equals("user")) {
                for (JsonNode part : turn.path("parts")) {
                    if (part.has("text")) {
                        text.append(text.length() == 0 ? "" : " ").append(part.get("text").asText());
                    }
                }
            }
        }
        ClientEvent.Kind kind = text.length() > 0 ? ClientEvent.Kind.TEXT : ClientEvent.Kind.OTHER_CONTENT;
        events.add(new ClientEvent(kind, text.toString(), 0, body, connection));
    }

    private static void realtimeInput(JsonNode body, int connection, List<ClientEvent> events) {
        if (body.has("text")) {
            events.add(new ClientEvent(ClientEvent.Kind.TEXT, body.get("text").asText(), 0, body, connection));
        }
        if (body.has("audio")) {
            events.add(media(ClientEvent.Kind.AUDIO, body.get("audio"), body, connection));
        }
        if (body.has("video")) {
            events.add(media(ClientEvent.Kind.VIDEO, body.get("video"), body, connection));
        }
        for (JsonNode chunk : body.path("mediaChunks")) {
            boolean audio = chunk.path("mimeType").asText("").startsWith("audio/");
            events.add(media(audio ? ClientEvent.Kind.AUDIO : ClientEvent.Kind.VIDEO, chunk, body, connection));
        }
        if (body.has("activityStart")) {
            events.add(new ClientEvent(ClientEvent.Kind.ACTIVITY_START, "", 0, body, connection));
        }
        if (body.has("activityEnd")) {
            events.add(new ClientEvent(ClientEvent.Kind.ACTIVITY_END, "", 0, body, connection));
        }
        if (body.path("audioStreamEnd").asBoolean(false)) {
            events.add(new ClientEvent(ClientEvent.Kind.AUDIO_STREAM_END, "", 0, body, connection));
        }
    }

    /** Media events keep the MIME type and decoded size, not the data: parked audio must not hold megabytes. */
    private static ClientEvent media(ClientEvent.Kind kind, JsonNode blob, JsonNode body, int connection) {
        return new ClientEvent(kind, blob.path("mimeType").asText(""), base64Length(blob.path("data").asText("")),
                WireJson.object(), connection);
    }

    /** Decoded size of standard base64 text, without decoding it. */
    static long base64Length(String data) {
        int length = data.length();
        int padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
        return Math.max(0, (long) length * 3 / 4 - padding);
    }

    private static void toolResponse(JsonNode body, int connection, List<ClientEvent> events) throws Invalid {
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
            events.add(new ClientEvent(ClientEvent.Kind.TOOL_RESPONSE, "", 0, response, connection));
        }
    }

    /** A client message the service would refuse with 1007. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String reason) {
            super(reason, null, false, false);
        }

        public Rejection rejection() {
            return Rejection.invalid(getMessage());
        }
    }
}
