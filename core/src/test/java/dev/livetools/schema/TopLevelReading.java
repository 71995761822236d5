package dev.livetools.schema;

import dev.livetools.schema.nullness.Nullable;

/** A data class in a file of its own (not nested): most user types are, and they are not "inner classes". */
public record TopLevelReading(String sensor, @Nullable Double value) {
}
