package dev.livetools.samples.home.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Settings;

/**
 * The Zigbee2MQTT payload conventions: what to publish to {@code <base>/<device>/set} for a change, and how to read
 * the JSON state a device publishes on {@code <base>/<device>}. Zigbee brightness runs 0-254 and colour temperature
 * is in mireds; the tools speak percent and Kelvin.
 */
final class Zigbee2Mqtt {

    static final String OCCUPIED_SETPOINT = "occupied_heating_setpoint";
    static final String CURRENT_SETPOINT = "current_heating_setpoint";

    private Zigbee2Mqtt() {
    }

    /**
     * The command payload for a change.
     *
     * @param last the device's last reported state, or {@code null}; decides which set point key a thermostat uses
     */
    static ObjectNode command(Device device, Settings s, JsonNode last) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        switch (device.type()) {
            case LIGHT -> {
                if (s.on() != null) {
                    out.put("state", s.on() ? "ON" : "OFF");
                }
                if (s.brightness() != null) {
                    out.put("brightness", toZigbeeBrightness(s.brightness()));
                }
                if (s.colorTemperature() != null) {
                    out.put("color_temp", toMireds(s.colorTemperature()));
                }
                if (s.color() != null) {
                    out.putObject("color").put("hex", s.color());
                }
            }
            case COVER -> {
                if (Boolean.TRUE.equals(s.stop())) {
                    out.put("state", "STOP");
                } else if (s.position() != null) {
                    if (device.capabilities().positionable()) {
                        out.put("position", s.position());
                    } else {
                        out.put("state", s.position() >= 50 ? "OPEN" : "CLOSE");
                    }
                }
            }
            case THERMOSTAT -> {
                if (s.setpoint() != null) {
                    String key = last != null && last.has(CURRENT_SETPOINT) && !last.has(OCCUPIED_SETPOINT)
                            ? CURRENT_SETPOINT : OCCUPIED_SETPOINT;
                    out.put(key, s.setpoint());
                }
            }
            case SENSOR -> {
                // Sensors take no commands; the tools never send one.
            }
        }
        return out;
    }

    /** Reads a device's published state. */
    static DeviceState decode(Device device, JsonNode json) {
        if (json == null || !json.isObject()) {
            return DeviceState.unknown();
        }
        return switch (device.type()) {
            case LIGHT -> light(device, json);
            case COVER -> new DeviceState(true, null, null, null, null, coverPosition(json), null, null);
            case THERMOSTAT -> DeviceState.thermostat(number(json, "local_temperature", "temperature"),
                    number(json, OCCUPIED_SETPOINT, CURRENT_SETPOINT));
            case SENSOR -> DeviceState.sensor(number(json, "temperature", "local_temperature"));
        };
    }

    /** Whether a reported state shows the change carried out (within Zigbee's rounding). */
    static boolean reflects(Settings s, DeviceState st) {
        if (!st.reported()) {
            return false;
        }
        return (s.on() == null || s.on().equals(st.on()))
                && (s.brightness() == null || st.brightness() != null && Math.abs(s.brightness() - st.brightness()) <= 1)
                && (s.colorTemperature() == null || st.colorTemperature() != null
                        && Math.abs(s.colorTemperature() - st.colorTemperature()) <= 60)
                && (s.color() == null || st.color() != null)
                && (s.position() == null || s.position().equals(st.position()))
                && (s.setpoint() == null || st.setpoint() != null && Math.abs(s.setpoint() - st.setpoint()) < 0.05);
    }

    static int toZigbeeBrightness(int percent) {
        return (int) Math.round(percent * 254 / 100.0);
    }

    static int fromZigbeeBrightness(int value) {
        return (int) Math.round(Math.max(0, Math.min(254, value)) * 100 / 254.0);
    }

    static int toMireds(int kelvin) {
        return (int) Math.round(1_000_000.0 / kelvin);
    }

    /** Kelvin from mireds, to the nearest 50 K so that 370 mireds reads back as the 2700 K that was asked. */
    static int fromMireds(int mireds) {
        return (int) Math.round(1_000_000.0 / mireds / 50) * 50;
    }

    private static DeviceState light(Device device, JsonNode json) {
        JsonNode state = json.get("state");
        boolean on = state != null && "ON".equalsIgnoreCase(state.asText());
        Integer brightness = json.hasNonNull("brightness") && device.capabilities().dimmable()
                ? fromZigbeeBrightness(json.get("brightness").asInt()) : null;
        String mode = json.path("color_mode").asText("");
        Integer ct = json.hasNonNull("color_temp") && json.get("color_temp").asInt() > 0
                ? fromMireds(json.get("color_temp").asInt()) : null;
        String colour = colour(json.get("color"));
        if (mode.equals("color_temp") || !device.capabilities().colour()) {
            colour = null;
        } else if (mode.equals("xy") || mode.equals("hs") || !device.capabilities().hasColorTemperature()) {
            ct = null;
        } else if (ct != null && colour != null) {
            colour = null;
        }
        return DeviceState.light(on, brightness, ct, colour);
    }

    private static String colour(JsonNode c) {
        if (c == null || !c.isObject()) {
            return null;
        }
        if (c.hasNonNull("hex") && c.get("hex").asText().matches("#[0-9a-fA-F]{6}")) {
            return c.get("hex").asText().toLowerCase(java.util.Locale.ROOT);
        }
        if (c.hasNonNull("x") && c.hasNonNull("y")) {
            return CieColour.toHex(c.get("x").asDouble(), c.get("y").asDouble());
        }
        return null;
    }

    private static Integer coverPosition(JsonNode json) {
        if (json.hasNonNull("position")) {
            return Math.max(0, Math.min(100, json.get("position").asInt()));
        }
        String state = json.path("state").asText("");
        if (state.equalsIgnoreCase("OPEN")) {
            return 100;
        }
        if (state.equalsIgnoreCase("CLOSE") || state.equalsIgnoreCase("CLOSED")) {
            return 0;
        }
        return null;
    }

    private static Double number(JsonNode json, String key, String fallback) {
        JsonNode v = json.hasNonNull(key) ? json.get(key) : json.get(fallback);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }
}
