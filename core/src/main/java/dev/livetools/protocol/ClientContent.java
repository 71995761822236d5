package dev.livetools.protocol;

import java.util.List;

/**
 * Client message {@code clientContent}: turns appended to the conversation in order; {@code turnComplete:true} asks
 * the model to answer now (and interrupts any generation in progress).
 */
public record ClientContent(List<Content> turns, Boolean turnComplete) implements ClientMessage {

    public ClientContent {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** One user text turn that the model should answer. */
    public static ClientContent userTurn(String text) {
        return new ClientContent(List.of(Content.user(text)), true);
    }

    @Override
    public String kind() {
        return "clientContent";
    }
}
