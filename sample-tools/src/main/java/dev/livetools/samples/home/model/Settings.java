package dev.livetools.samples.home.model;

/**
 * A change to ask of a device: only the non-null fields change. One shape for every device type keeps scenes,
 * commands and the backends simple; {@link Device#problems(Settings)} says which fields a device accepts.
 *
 * @param on switch a light on or off
 * @param brightness light brightness in percent, 0-100
 * @param colorTemperature light white colour temperature in Kelvin
 * @param color light colour as {@code #rrggbb}
 * @param position cover position in percent, 100 fully open
 * @param stop {@code true} to stop a moving cover
 * @param setpoint thermostat set point in Celsius
 */
public record Settings(Boolean on, Integer brightness, Integer colorTemperature, String color, Integer position,
                       Boolean stop, Double setpoint) {

    public Settings {
        if (brightness != null && (brightness < 0 || brightness > 100)) {
            throw new IllegalArgumentException("brightness must be 0-100: " + brightness);
        }
        if (position != null && (position < 0 || position > 100)) {
            throw new IllegalArgumentException("position must be 0-100: " + position);
        }
        if (colorTemperature != null && colorTemperature <= 0) {
            throw new IllegalArgumentException("colorTemperature must be positive: " + colorTemperature);
        }
        if (colorTemperature != null && color != null) {
            throw new IllegalArgumentException("a light shows either a colour or a colour temperature, not both");
        }
        if (color != null && !color.matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("color must be #rrggbb in lower case: " + color);
        }
        if (stop != null && !stop) {
            throw new IllegalArgumentException("stop is either true or absent");
        }
        if (stop != null && position != null) {
            throw new IllegalArgumentException("a cover either stops or moves to a position, not both");
        }
    }

    /** A light change; any argument may be {@code null}. */
    public static Settings light(Boolean on, Integer brightness, Integer colorTemperature, String color) {
        return new Settings(on, brightness, colorTemperature, color, null, null, null);
    }

    /** Moves a cover to a position, 0 closed to 100 open. */
    public static Settings position(int position) {
        return new Settings(null, null, null, null, position, null, null);
    }

    /** Stops a moving cover. */
    public static Settings stopCover() {
        return new Settings(null, null, null, null, null, true, null);
    }

    /** Sets a thermostat, in Celsius. */
    public static Settings setpoint(double celsius) {
        return new Settings(null, null, null, null, null, null, celsius);
    }

    /** Whether this asks for nothing. */
    public boolean isEmpty() {
        return on == null && brightness == null && colorTemperature == null && color == null && position == null
                && stop == null && setpoint == null;
    }

    /** This change without its brightness. */
    public Settings withoutBrightness() {
        return new Settings(on, null, colorTemperature, color, position, stop, setpoint);
    }

    /** This change with another colour temperature. */
    public Settings withColorTemperature(int kelvin) {
        return new Settings(on, brightness, kelvin, color, position, stop, setpoint);
    }
}
