package dev.livetools.samples.home.model;

import java.util.Objects;

/**
 * What a device reports about itself. Fields a device type does not have are {@code null}.
 *
 * @param reported {@code false} when nothing is known yet (a real device that has not published its state)
 * @param on whether a light is on
 * @param brightness light brightness in percent
 * @param colorTemperature light colour temperature in Kelvin, when it shows a white
 * @param color light colour as {@code #rrggbb}, when it shows a colour
 * @param position cover position, 0 closed to 100 open
 * @param temperature measured temperature in Celsius (thermostats and sensors)
 * @param setpoint thermostat set point in Celsius
 */
public record DeviceState(boolean reported, Boolean on, Integer brightness, Integer colorTemperature, String color,
                          Integer position, Double temperature, Double setpoint) {

    private static final DeviceState UNKNOWN = new DeviceState(false, null, null, null, null, null, null, null);

    /** Nothing known. */
    public static DeviceState unknown() {
        return UNKNOWN;
    }

    /** A light's state. */
    public static DeviceState light(boolean on, Integer brightness, Integer colorTemperature, String color) {
        return new DeviceState(true, on, brightness, colorTemperature, color, null, null, null);
    }

    /** A cover's state. */
    public static DeviceState cover(int position) {
        return new DeviceState(true, null, null, null, null, position, null, null);
    }

    /** A thermostat's state, in Celsius. */
    public static DeviceState thermostat(Double temperature, Double setpoint) {
        return new DeviceState(true, null, null, null, null, null, temperature, setpoint);
    }

    /** A sensor's state, in Celsius. */
    public static DeviceState sensor(Double temperature) {
        return new DeviceState(true, null, null, null, null, null, temperature, null);
    }

    /**
     * This state after {@code change}, as a device that does exactly what it is told would report it. A colour
     * replaces a colour temperature and the other way round, as on a real bulb.
     */
    public DeviceState with(Settings change) {
        Objects.requireNonNull(change, "change");
        Integer ct = colorTemperature;
        String c = color;
        if (change.colorTemperature() != null) {
            ct = change.colorTemperature();
            c = null;
        }
        if (change.color() != null) {
            c = change.color();
            ct = null;
        }
        return new DeviceState(true,
                change.on() != null ? change.on() : on,
                change.brightness() != null ? change.brightness() : brightness,
                ct, c,
                change.position() != null ? change.position() : position,
                temperature,
                change.setpoint() != null ? change.setpoint() : setpoint);
    }
}
