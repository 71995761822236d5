package dev.livetools.protocol;

/**
 * A message a Live client sends: exactly one of {@code setup}, {@code clientContent}, {@code realtimeInput} or
 * {@code toolResponse} per WebSocket frame. {@link UnknownClientMessage} holds kinds this model does not know (such
 * as the newer {@code contextUpdate}) so a server-side decoder never fails on them. Encode and decode with
 * {@link LiveCodec}.
 */
public sealed interface ClientMessage permits Setup, ClientContent, RealtimeInput, ToolResponse, UnknownClientMessage {

    /** The top-level JSON key of this message, e.g. {@code "toolResponse"}. */
    String kind();
}
