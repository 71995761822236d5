package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.Blob;
import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.ClientMessage;
import dev.livetools.protocol.Content;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.RealtimeInput;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.protocol.UnknownClientMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The events scenarios match on, from a client message decoded by core's codec. A {@code toolResponse} with several
 * function responses becomes one event per response, so each can be matched to its own expectation.
 */
final class ClientEvents {

    private ClientEvents() {
    }

    static List<ClientEvent> of(ClientMessage message, int connection) {
        List<ClientEvent> events = new ArrayList<>();
        if (message instanceof ClientContent content) {
            clientContent(content, connection, events);
        } else if (message instanceof RealtimeInput input) {
            realtimeInput(input, connection, events);
        } else if (message instanceof ToolResponse response) {
            for (FunctionResponse r : response.functionResponses()) {
                events.add(new ClientEvent(ClientEvent.Kind.TOOL_RESPONSE, "", 0, tree(r), connection));
            }
        } else if (message instanceof UnknownClientMessage unknown) {
            // Only contextUpdate gets here: the rules refused every other unknown kind.
            events.add(new ClientEvent(ClientEvent.Kind.CONTEXT_UPDATE, "", 0, unknown.body(), connection));
        }
        return events;
    }

    private static void clientContent(ClientContent content, int connection, List<ClientEvent> events) {
        StringBuilder text = new StringBuilder();
        for (Content turn : content.turns()) {
            if (turn.role() == null || turn.role().equals("user")) {
                for (Part part : turn.parts()) {
                    if (part.text() != null) {
                        text.append(text.length() == 0 ? "" : " ").append(part.text());
                    }
                }
            }
        }
        ClientEvent.Kind kind = text.length() > 0 ? ClientEvent.Kind.TEXT : ClientEvent.Kind.OTHER_CONTENT;
        events.add(new ClientEvent(kind, text.toString(), 0, WireJson.object(), connection));
    }

    private static void realtimeInput(RealtimeInput input, int connection, List<ClientEvent> events) {
        if (input.text() != null) {
            events.add(new ClientEvent(ClientEvent.Kind.TEXT, input.text(), 0, WireJson.object(), connection));
        }
        if (input.audio() != null) {
            events.add(media(ClientEvent.Kind.AUDIO, input.audio(), connection));
        }
        if (input.video() != null) {
            events.add(media(ClientEvent.Kind.VIDEO, input.video(), connection));
        }
        if (input.mediaChunks() != null) {
            for (Blob chunk : input.mediaChunks()) {
                boolean audio = chunk.mimeType() != null && chunk.mimeType().startsWith("audio/");
                events.add(media(audio ? ClientEvent.Kind.AUDIO : ClientEvent.Kind.VIDEO, chunk, connection));
            }
        }
        if (input.activityStart()) {
            events.add(new ClientEvent(ClientEvent.Kind.ACTIVITY_START, "", 0, WireJson.object(), connection));
        }
        if (input.activityEnd()) {
            events.add(new ClientEvent(ClientEvent.Kind.ACTIVITY_END, "", 0, WireJson.object(), connection));
        }
        if (input.audioStreamEnd()) {
            events.add(new ClientEvent(ClientEvent.Kind.AUDIO_STREAM_END, "", 0, WireJson.object(), connection));
        }
    }

    /** Media events keep the MIME type and decoded size, not the data: parked audio must not hold megabytes. */
    private static ClientEvent media(ClientEvent.Kind kind, Blob blob, int connection) {
        return new ClientEvent(kind, blob.mimeType() == null ? "" : blob.mimeType(), base64Length(blob.data()),
                WireJson.object(), connection);
    }

    /** Decoded size of standard base64 text, without decoding it. */
    static long base64Length(String data) {
        if (data == null) {
            return 0;
        }
        int length = data.length();
        int padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
        return Math.max(0, (long) length * 3 / 4 - padding);
    }

    /** The function response as the lowerCamelCase tree response checks read. */
    private static ObjectNode tree(FunctionResponse r) {
        ObjectNode out = WireJson.object();
        if (r.id() != null) {
            out.put("id", r.id());
        }
        out.put("name", r.name());
        out.set("response", r.response());
        if (r.scheduling() != null) {
            out.put("scheduling", r.scheduling().name());
        }
        if (r.willContinue() != null) {
            out.put("willContinue", r.willContinue());
        }
        return out;
    }
}
