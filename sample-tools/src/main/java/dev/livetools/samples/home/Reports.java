package dev.livetools.samples.home;

import dev.livetools.samples.home.model.Capabilities;
import dev.livetools.samples.home.model.Colour;
import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Numbers;
import dev.livetools.samples.home.model.TemperatureUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Device states as the model reads them: plain JSON objects with only the fields that mean something for the
 * device, plus short sentences for summaries. Plain maps, because the host serialises results with its own Jackson,
 * which does not see this plugin's (relocated) annotations.
 */
final class Reports {

    private Reports() {
    }

    static Map<String, Object> state(Device d, DeviceState s, TemperatureUnit unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("room", d.room());
        m.put("type", d.type().word());
        if (!s.reported()) {
            m.put("state", "unknown: the device has not reported its state");
            return m;
        }
        switch (d.type()) {
            case LIGHT -> {
                m.put("on", Boolean.TRUE.equals(s.on()));
                putIfPresent(m, "brightness", s.brightness());
                putIfPresent(m, "colorTemperature", s.colorTemperature());
                if (s.color() != null) {
                    m.put("color", Colour.ofHex(s.color()).describe());
                }
            }
            case COVER -> {
                putIfPresent(m, "position", s.position());
                m.put("state", coverWord(s.position()));
            }
            case THERMOSTAT -> {
                putTemperature(m, "temperature", s.temperature(), unit);
                putTemperature(m, "setpoint", s.setpoint(), unit);
                m.put("unit", unit.name().toLowerCase(java.util.Locale.ROOT));
                if (s.temperature() != null && s.setpoint() != null) {
                    m.put("heating", s.temperature() < s.setpoint());
                }
            }
            case SENSOR -> {
                putTemperature(m, "temperature", s.temperature(), unit);
                m.put("unit", unit.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return m;
    }

    /** One sentence fragment: "floor lamp on, 20%, orange", "bedroom blinds closed". */
    static String say(Device d, DeviceState s, TemperatureUnit unit) {
        if (!s.reported()) {
            return d.name() + ": state unknown";
        }
        return switch (d.type()) {
            case LIGHT -> {
                if (!Boolean.TRUE.equals(s.on())) {
                    yield d.name() + " off";
                }
                List<String> parts = new ArrayList<>();
                if (s.brightness() != null) {
                    parts.add(s.brightness() + "%");
                }
                if (s.color() != null) {
                    parts.add(Colour.ofHex(s.color()).describe());
                } else if (s.colorTemperature() != null) {
                    parts.add(s.colorTemperature() + " K");
                }
                yield d.name() + " on" + (parts.isEmpty() ? "" : " at " + String.join(", ", parts));
            }
            case COVER -> d.name() + " " + coverWord(s.position());
            case THERMOSTAT -> d.name() + " set to " + temperature(s.setpoint(), unit) + ", "
                    + temperature(s.temperature(), unit) + " now"
                    + (s.temperature() != null && s.setpoint() != null && s.temperature() < s.setpoint()
                    ? ", heating" : "");
            case SENSOR -> d.name() + " " + temperature(s.temperature(), unit);
        };
    }

    /** What a device can do, for listings and for errors about what it cannot. */
    static List<String> capabilities(Device d) {
        Capabilities c = d.capabilities();
        List<String> out = new ArrayList<>();
        switch (d.type()) {
            case LIGHT -> {
                out.add("on/off");
                if (c.dimmable()) {
                    out.add("brightness 0-100%");
                }
                if (c.hasColorTemperature()) {
                    out.add("colour temperature " + c.minKelvin() + "-" + c.maxKelvin() + " K");
                }
                if (c.colour()) {
                    out.add("colour");
                }
            }
            case COVER -> {
                out.add("open/close/stop");
                if (c.positionable()) {
                    out.add("position 0-100% (100 = open)");
                }
            }
            case THERMOSTAT -> {
                out.add("set point " + Numbers.format(c.minSetpoint()) + "-" + Numbers.format(c.maxSetpoint()) + " °C ("
                        + Numbers.format(TemperatureUnit.FAHRENHEIT.fromCelsius(c.minSetpoint())) + "-"
                        + Numbers.format(TemperatureUnit.FAHRENHEIT.fromCelsius(c.maxSetpoint())) + " °F)");
                out.add("current temperature");
            }
            case SENSOR -> out.add("current temperature");
        }
        return out;
    }

    static String temperature(Double celsius, TemperatureUnit unit) {
        return celsius == null ? "unknown" : unit.format(celsius);
    }

    private static String coverWord(Integer position) {
        if (position == null) {
            return "position unknown";
        }
        if (position == 0) {
            return "closed";
        }
        return position == 100 ? "open" : position + "% open";
    }

    private static void putTemperature(Map<String, Object> m, String key, Double celsius, TemperatureUnit unit) {
        if (celsius != null) {
            m.put(key, unit.fromCelsius(celsius));
        }
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
