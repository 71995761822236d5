package dev.livetools.samples.home.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A device of the home.
 *
 * @param id a stable identifier, used in state files and as the default MQTT topic
 * @param name the name people use, e.g. "floor lamp"
 * @param room the name of the room it is in
 * @param type what it is
 * @param aliases other names for it
 * @param capabilities what it can do
 * @param topic its Zigbee2MQTT friendly name: state on {@code <base>/<topic>}, commands on {@code <base>/<topic>/set}
 */
public record Device(String id, String name, String room, DeviceType type, List<String> aliases,
                     Capabilities capabilities, String topic) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(topic, "topic");
        aliases = List.copyOf(aliases);
    }

    /**
     * Why this device cannot carry out {@code change}, one sentence per reason, each saying what it can do instead;
     * empty when it can.
     */
    public List<String> problems(Settings change) {
        List<String> problems = new ArrayList<>();
        switch (type) {
            case LIGHT -> lightProblems(change, problems);
            case COVER -> coverProblems(change, problems);
            case THERMOSTAT -> thermostatProblems(change, problems);
            case SENSOR -> {
                if (!change.isEmpty()) {
                    problems.add("The " + name + " is a sensor: it only reports the temperature and cannot be set.");
                }
            }
        }
        return problems;
    }

    /**
     * {@code change} as this light will carry it out when it is one of several a request is aimed at: a colour
     * temperature outside its range is brought within it (described in {@code notes}), and full or zero brightness on
     * an on/off light is dropped, since switching it is what that means. Any other mismatch is left for
     * {@link #problems(Settings)} to report.
     */
    public Settings adapt(Settings change, List<String> notes) {
        if (type != DeviceType.LIGHT) {
            return change;
        }
        Settings adapted = change;
        Capabilities c = capabilities;
        if (adapted.brightness() != null && !c.dimmable()
                && (adapted.brightness() == 0 || adapted.brightness() == 100)) {
            adapted = adapted.withoutBrightness();
        }
        if (adapted.colorTemperature() != null && c.hasColorTemperature()) {
            int k = adapted.colorTemperature();
            if (k < c.minKelvin() || k > c.maxKelvin()) {
                int clamped = Math.max(c.minKelvin(), Math.min(c.maxKelvin(), k));
                notes.add("The " + name + " goes from " + c.minKelvin() + " to " + c.maxKelvin() + " K, so it was set to "
                        + clamped + " K.");
                adapted = adapted.withColorTemperature(clamped);
            }
        }
        return adapted;
    }

    private void lightProblems(Settings s, List<String> problems) {
        notFor(s.position() != null || s.stop() != null, "a position", problems);
        notFor(s.setpoint() != null, "a set point", problems);
        Capabilities c = capabilities;
        if (s.brightness() != null && !c.dimmable() && s.brightness() != 0 && s.brightness() != 100) {
            problems.add("The " + name + " can only be switched on and off; it has no brightness control.");
        }
        if (s.color() != null && !c.colour()) {
            problems.add("The " + name + " cannot show colours" + (c.hasColorTemperature()
                    ? "; it has white colour temperatures " + c.minKelvin() + "-" + c.maxKelvin() + " K." : "."));
        }
        if (s.colorTemperature() != null) {
            int k = s.colorTemperature();
            if (!c.hasColorTemperature()) {
                problems.add("The " + name + " has no colour temperature control" + (c.colour()
                        ? "; give it a colour instead." : "."));
            } else if (k < c.minKelvin() || k > c.maxKelvin()) {
                problems.add("The " + name + " supports colour temperatures " + c.minKelvin() + "-" + c.maxKelvin()
                        + " K, not " + k + " K.");
            }
        }
    }

    private void coverProblems(Settings s, List<String> problems) {
        notFor(s.on() != null || s.brightness() != null, "on/off or brightness", problems);
        notFor(s.color() != null || s.colorTemperature() != null, "a colour", problems);
        notFor(s.setpoint() != null, "a set point", problems);
        if (s.position() != null && !capabilities.positionable() && s.position() != 0 && s.position() != 100) {
            problems.add("The " + name + " can only open fully, close fully or stop, not move to " + s.position() + "%.");
        }
    }

    private void thermostatProblems(Settings s, List<String> problems) {
        notFor(s.on() != null || s.brightness() != null, "on/off or brightness", problems);
        notFor(s.color() != null || s.colorTemperature() != null, "a colour", problems);
        notFor(s.position() != null || s.stop() != null, "a position", problems);
        if (s.setpoint() != null) {
            double v = s.setpoint();
            if (v < capabilities.minSetpoint() || v > capabilities.maxSetpoint()) {
                problems.add("The " + name + " takes set points from " + Numbers.format(capabilities.minSetpoint())
                        + " to " + Numbers.format(capabilities.maxSetpoint()) + " °C, not " + Numbers.format(v) + " °C.");
            }
        }
    }

    private void notFor(boolean asked, String what, List<String> problems) {
        if (asked) {
            problems.add("The " + name + " is a " + type.word() + "; it has no " + what + ".");
        }
    }
}
