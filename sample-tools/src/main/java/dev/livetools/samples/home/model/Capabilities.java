package dev.livetools.samples.home.model;

/**
 * What a device can do beyond its type's basics.
 *
 * @param dimmable a light with brightness control
 * @param minKelvin the warmest white a light shows, or {@code null} without colour temperature control
 * @param maxKelvin the coolest white a light shows, or {@code null} without colour temperature control
 * @param colour a light that shows colours
 * @param positionable a cover that moves to any position, not only fully open or closed
 * @param minSetpoint a thermostat's lowest set point in Celsius
 * @param maxSetpoint a thermostat's highest set point in Celsius
 */
public record Capabilities(boolean dimmable, Integer minKelvin, Integer maxKelvin, boolean colour,
                           boolean positionable, double minSetpoint, double maxSetpoint) {

    /** The set point range of a thermostat that does not say otherwise, in Celsius. */
    public static final double DEFAULT_MIN_SETPOINT = 5;
    /** The set point range of a thermostat that does not say otherwise, in Celsius. */
    public static final double DEFAULT_MAX_SETPOINT = 30;

    public Capabilities {
        if ((minKelvin == null) != (maxKelvin == null)) {
            throw new IllegalArgumentException("colour temperature needs both ends of its range");
        }
        if (minKelvin != null && (minKelvin < 1000 || maxKelvin > 10000 || minKelvin >= maxKelvin)) {
            throw new IllegalArgumentException("colour temperature range must lie within 1000-10000 K, low to high: "
                    + minKelvin + "-" + maxKelvin);
        }
        if (minSetpoint >= maxSetpoint) {
            throw new IllegalArgumentException("set point range must go from low to high: " + minSetpoint + "-" + maxSetpoint);
        }
    }

    /** Whether a light has colour temperature control. */
    public boolean hasColorTemperature() {
        return minKelvin != null;
    }
}
