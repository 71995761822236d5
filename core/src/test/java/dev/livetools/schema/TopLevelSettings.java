package dev.livetools.schema;

/** A plain data class in a file of its own: a top-level class is not an inner class, whatever its modifiers say. */
public final class TopLevelSettings {
    public String mode;
    public int level;
}
