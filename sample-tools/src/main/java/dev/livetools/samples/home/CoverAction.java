package dev.livetools.samples.home;

/** What to do with a blind or cover. */
public enum CoverAction {
    /** Open fully. */
    OPEN,
    /** Close fully. */
    CLOSE,
    /** Stop where it is. */
    STOP
}
