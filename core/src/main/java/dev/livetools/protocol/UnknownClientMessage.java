package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/** A client message whose top-level key this model does not know; kept verbatim. */
public record UnknownClientMessage(String kind, JsonNode body) implements ClientMessage {

    public UnknownClientMessage {
        Objects.requireNonNull(kind, "kind");
        body = Objects.requireNonNull(body, "body").deepCopy();
    }
}
