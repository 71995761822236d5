package dev.livetools.audio;

/**
 * Push-to-talk: with automatic activity detection off, the user's turn is what is said while the switch is down. A
 * {@link VoiceLoop} sends {@code activityStart} when it goes down, the audio while it is down, and
 * {@code activityEnd} when it comes up (or when the input ends). Thread-safe: a key reader flips it.
 */
public final class TalkSwitch {

    private volatile boolean down;

    /** A switch that starts up (silent until pressed). */
    public TalkSwitch() {
    }

    public static TalkSwitch pressed() {
        TalkSwitch s = new TalkSwitch();
        s.press();
        return s;
    }

    public void press() {
        down = true;
    }

    public void release() {
        down = false;
    }

    /** Flips the switch; returns whether it is now down. */
    public synchronized boolean toggle() {
        down = !down;
        return down;
    }

    public boolean isDown() {
        return down;
    }
}
