package dev.livetools.samples.home.model;

import java.util.List;
import java.util.Objects;

/**
 * A room of the home.
 *
 * @param name the name people use, e.g. "living room"
 * @param aliases other names for it, e.g. "lounge"
 */
public record Room(String name, List<String> aliases) {

    public Room {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }
}
