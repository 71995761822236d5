package dev.livetools.protocol;

import java.util.Arrays;
import java.util.List;

/** A turn: an optional role ({@code user} or {@code model}; MLDev omits it on model turns) and its parts. */
public record Content(String role, List<Part> parts) {

    public Content {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static Content user(String text) {
        return new Content("user", List.of(Part.text(text)));
    }

    public static Content of(String role, Part... parts) {
        return new Content(role, Arrays.asList(parts));
    }

    /** The text of all non-thought text parts, concatenated. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p.text() != null && !p.isThought()) {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }
}
