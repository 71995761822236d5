package dev.livetools.audio;

/** Who said something in a voice conversation. */
public enum Speaker {
    USER, MODEL;

    /** The lower-case name used in transcript files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
