package dev.livetools.samples.home.model;

import java.util.Locale;
import java.util.Set;

/** What a device is, and the generic words people use for it ("lights", "blinds"), which name no particular device. */
public enum DeviceType {
    LIGHT("light", "lights", Set.of("light", "lighting", "bulb")),
    THERMOSTAT("thermostat", "thermostats", Set.of("thermostat", "heating", "heater", "radiator", "climate")),
    COVER("cover", "blinds or covers", Set.of("cover", "blind", "shade", "curtain", "shutter", "roller")),
    SENSOR("sensor", "sensors", Set.of("sensor", "thermometer"));

    private final String word;
    private final String plural;
    private final Set<String> genericWords;

    DeviceType(String word, String plural, Set<String> genericWords) {
        this.word = word;
        this.plural = plural;
        this.genericWords = genericWords;
    }

    /** The singular word used in messages, e.g. "light". */
    public String word() {
        return word;
    }

    /** The plural used in messages, e.g. "lights". */
    public String plural() {
        return plural;
    }

    /** Singular, lower-case words that refer to any device of this type. */
    public Set<String> genericWords() {
        return genericWords;
    }

    /** Parses the type as written in a home description ("light", "Light"). */
    public static DeviceType parse(String text) {
        for (DeviceType t : values()) {
            if (t.word.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown device type '" + text + "'; types are light, thermostat, cover, sensor");
    }
}
