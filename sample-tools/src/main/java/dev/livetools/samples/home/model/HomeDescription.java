package dev.livetools.samples.home.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a home description: a small JSON file of rooms, devices and scenes (see docs/plugins.md for the format).
 * Every problem in the file is reported at once, naming the room, device or scene, so a typo fails at start-up with
 * a message that says where it is rather than as a confused tool later.
 */
public final class HomeDescription {

    /** The classpath resource of the home used when none is configured. */
    public static final String DEFAULT_RESOURCE = "/dev/livetools/samples/home/default-home.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private HomeDescription() {
    }

    /** The bundled sample home. */
    public static Home loadDefault() {
        try (InputStream in = HomeDescription.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks its default home " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default home " + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default home " + DEFAULT_RESOURCE, e);
        }
    }

    /**
     * Reads a home description file.
     *
     * @throws IllegalArgumentException naming the file and every problem in it
     */
    public static Home load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("home description " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read home description " + file + ": " + e.getMessage(), e);
        }
        return parse(text, "home description " + file);
    }

    /**
     * Reads a home description from text.
     *
     * @param source names the text in error messages, e.g. the file it came from
     * @throws IllegalArgumentException naming {@code source} and every problem found
     */
    public static Home parse(String json, String source) {
        HomeSpec spec;
        try {
            spec = JSON.readValue(json, HomeSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (spec == null) {
            throw new IllegalArgumentException(source + " is empty");
        }
        return new Builder(source).build(spec);
    }

    private static final class Builder {
        private final String source;
        private final List<String> problems = new ArrayList<>();

        Builder(String source) {
            this.source = source;
        }

        Home build(HomeSpec spec) {
            TemperatureUnit unit = spec.temperatureUnit() == null ? TemperatureUnit.CELSIUS : spec.temperatureUnit();
            ZoneId zone = zone(spec.timeZone());
            List<Room> rooms = new ArrayList<>();
            List<Device> devices = new ArrayList<>();
            Map<String, DeviceState> initial = new HashMap<>();
            Map<String, Device> byId = new LinkedHashMap<>();
            if (spec.rooms() == null || spec.rooms().isEmpty()) {
                problems.add("it lists no rooms");
            } else {
                for (RoomSpec r : spec.rooms()) {
                    room(r, unit, rooms, devices, initial, byId);
                }
            }
            List<Scene> scenes = new ArrayList<>();
            if (spec.scenes() != null) {
                for (SceneSpec s : spec.scenes()) {
                    scene(s, unit, byId, scenes);
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(source + " has problems:\n - " + String.join("\n - ", problems));
            }
            String name = spec.name() == null || spec.name().isBlank() ? "home" : spec.name();
            try {
                return new Home(name, unit, zone, rooms, devices, scenes, initial);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }

        private ZoneId zone(String text) {
            if (text == null || text.isBlank()) {
                return ZoneId.systemDefault();
            }
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                problems.add("timeZone '" + text + "' is not a time zone; use e.g. Europe/Berlin");
                return ZoneId.systemDefault();
            }
        }

        private void room(RoomSpec r, TemperatureUnit unit, List<Room> rooms, List<Device> devices,
                          Map<String, DeviceState> initial, Map<String, Device> byId) {
            if (blank(r.name())) {
                problems.add("a room has no name");
                return;
            }
            String roomName = r.name().trim();
            if (rooms.stream().anyMatch(x -> x.name().equalsIgnoreCase(roomName))) {
                problems.add("room '" + roomName + "' is listed twice");
                return;
            }
            rooms.add(new Room(roomName, list(r.aliases())));
            if (r.devices() == null) {
                return;
            }
            for (DeviceSpec d : r.devices()) {
                Device device = device(d, roomName, unit);
                if (device == null) {
                    continue;
                }
                if (byId.putIfAbsent(device.id(), device) != null) {
                    problems.add("device id '" + device.id() + "' is used twice");
                    continue;
                }
                if (devices.stream().anyMatch(x -> x.name().equalsIgnoreCase(device.name()))) {
                    problems.add("device name '" + device.name() + "' is used twice; names must tell devices apart");
                    continue;
                }
                devices.add(device);
                initial.put(device.id(), initialState(device, d.state(), unit));
            }
        }

        private Device device(DeviceSpec d, String room, TemperatureUnit unit) {
            String where = "device '" + (d.id() == null ? d.name() : d.id()) + "' in room '" + room + "'";
            if (blank(d.id()) || !d.id().matches("[A-Za-z0-9_.-]+")) {
                problems.add(where + ": id must be letters, digits, '_', '.' or '-'");
                return null;
            }
            if (blank(d.name())) {
                problems.add(where + ": it has no name");
                return null;
            }
            DeviceType type;
            try {
                type = DeviceType.parse(d.type() == null ? "" : d.type());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                return null;
            }
            int before = problems.size();
            onlyFor(type, DeviceType.LIGHT, d.dimmable() != null || d.color() != null || d.colorTemperature() != null,
                    where, "dimmable, color and colorTemperature");
            onlyFor(type, DeviceType.COVER, d.positionable() != null, where, "positionable");
            onlyFor(type, DeviceType.THERMOSTAT, d.minSetpoint() != null || d.maxSetpoint() != null, where,
                    "minSetpoint and maxSetpoint");
            Integer minK = null;
            Integer maxK = null;
            if (d.colorTemperature() != null) {
                minK = d.colorTemperature().min();
                maxK = d.colorTemperature().max();
            }
            double minSet = d.minSetpoint() == null ? Capabilities.DEFAULT_MIN_SETPOINT : unit.toCelsius(d.minSetpoint());
            double maxSet = d.maxSetpoint() == null ? Capabilities.DEFAULT_MAX_SETPOINT : unit.toCelsius(d.maxSetpoint());
            Capabilities caps;
            try {
                caps = new Capabilities(type == DeviceType.LIGHT && (d.dimmable() == null || d.dimmable()),
                        minK, maxK, Boolean.TRUE.equals(d.color()),
                        type == DeviceType.COVER && (d.positionable() == null || d.positionable()), minSet, maxSet);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                return null;
            }
            if (problems.size() > before) {
                return null;
            }
            String topic = blank(d.topic()) ? d.id() : d.topic().trim();
            if (topic.contains("+") || topic.contains("#")) {
                problems.add(where + ": topic '" + topic + "' must not contain MQTT wildcards");
                return null;
            }
            return new Device(d.id(), d.name().trim(), room, type, list(d.aliases()), caps, topic);
        }

        private void onlyFor(DeviceType actual, DeviceType wanted, boolean present, String where, String fields) {
            if (present && actual != wanted) {
                problems.add(where + ": " + fields + " apply to a " + wanted.word() + ", not a " + actual.word());
            }
        }

        private DeviceState initialState(Device device, StateSpec s, TemperatureUnit unit) {
            Capabilities c = device.capabilities();
            DeviceState base = switch (device.type()) {
                case LIGHT -> DeviceState.light(false, c.dimmable() ? 100 : null,
                        c.hasColorTemperature() ? Math.max(c.minKelvin(), Math.min(c.maxKelvin(), 2700)) : null, null);
                case COVER -> DeviceState.cover(100);
                case THERMOSTAT -> DeviceState.thermostat(20.0, Math.max(c.minSetpoint(), Math.min(c.maxSetpoint(), 20)));
                case SENSOR -> DeviceState.sensor(15.0);
            };
            if (s == null) {
                return base;
            }
            String where = "device '" + device.id() + "' state";
            Settings change = settings(s.on(), s.brightness(), s.colorTemperature(), s.color(), s.position(),
                    s.setpoint(), unit, where);
            if (change == null) {
                return base;
            }
            List<String> wrong = device.problems(change);
            if (!wrong.isEmpty()) {
                problems.add(where + ": " + String.join(" ", wrong));
                return base;
            }
            DeviceState state = base.with(change);
            if (s.temperature() != null) {
                if (device.type() != DeviceType.THERMOSTAT && device.type() != DeviceType.SENSOR) {
                    problems.add(where + ": only thermostats and sensors measure a temperature");
                } else {
                    double t = unit.toCelsius(s.temperature());
                    state = new DeviceState(true, state.on(), state.brightness(), state.colorTemperature(),
                            state.color(), state.position(), t, state.setpoint());
                }
            }
            return state;
        }

        private void scene(SceneSpec s, TemperatureUnit unit, Map<String, Device> byId, List<Scene> scenes) {
            if (blank(s.name())) {
                problems.add("a scene has no name");
                return;
            }
            String where = "scene '" + s.name() + "'";
            if (s.set() == null || s.set().isEmpty()) {
                problems.add(where + ": it sets no device");
                return;
            }
            List<Scene.Step> steps = new ArrayList<>();
            for (var e : s.set().entrySet()) {
                Device device = byId.get(e.getKey());
                if (device == null) {
                    problems.add(where + ": device '" + e.getKey() + "' is unknown; device ids are "
                            + String.join(", ", byId.keySet()));
                    continue;
                }
                SceneSettingsSpec v = e.getValue();
                if (v == null) {
                    problems.add(where + ": device '" + e.getKey() + "' has no settings");
                    continue;
                }
                Settings change = settings(v.on(), v.brightness(), v.colorTemperature(), v.color(), v.position(),
                        v.setpoint(), unit, where + ", device '" + e.getKey() + "'");
                if (change == null) {
                    continue;
                }
                if (change.isEmpty()) {
                    problems.add(where + ", device '" + e.getKey() + "': it changes nothing");
                    continue;
                }
                List<String> wrong = device.problems(change);
                if (!wrong.isEmpty()) {
                    problems.add(where + ", device '" + e.getKey() + "': " + String.join(" ", wrong));
                    continue;
                }
                steps.add(new Scene.Step(device, change));
            }
            if (scenes.stream().anyMatch(x -> x.name().equalsIgnoreCase(s.name().trim()))) {
                problems.add(where + " is listed twice");
                return;
            }
            if (!steps.isEmpty()) {
                scenes.add(new Scene(s.name().trim(), list(s.aliases()), steps));
            }
        }

        private Settings settings(Boolean on, Integer brightness, Integer ct, String color, Integer position,
                                  Double setpoint, TemperatureUnit unit, String where) {
            try {
                String hex = null;
                if (color != null) {
                    Colour colour = Colour.parse(color);
                    if (colour.isWhite()) {
                        if (ct != null) {
                            throw new IllegalArgumentException("give either color or colorTemperature");
                        }
                        ct = colour.kelvin();
                    } else {
                        hex = colour.hex();
                    }
                }
                return new Settings(on, brightness, ct, hex, position, null,
                        setpoint == null ? null : unit.toCelsius(setpoint));
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
                return null;
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static List<String> list(List<String> l) {
            return l == null ? List.of() : l.stream().map(x -> x.trim().toLowerCase(Locale.ROOT)).toList();
        }
    }

    record HomeSpec(String name, TemperatureUnit temperatureUnit, String timeZone, List<RoomSpec> rooms,
                    List<SceneSpec> scenes) {
    }

    record RoomSpec(String name, List<String> aliases, List<DeviceSpec> devices) {
    }

    record DeviceSpec(String id, String name, String type, List<String> aliases, String topic, Boolean dimmable,
                      Boolean color,
                      KelvinRange colorTemperature, Boolean positionable, Double minSetpoint, Double maxSetpoint,
                      StateSpec state) {
    }

    record KelvinRange(int min, int max) {
    }

    record StateSpec(Boolean on, Integer brightness, Integer colorTemperature, String color, Integer position,
                     Double setpoint, Double temperature) {
    }

    record SceneSpec(String name, List<String> aliases, LinkedHashMap<String, SceneSettingsSpec> set) {
    }

    record SceneSettingsSpec(Boolean on, Integer brightness, Integer colorTemperature, String color, Integer position,
                             Double setpoint) {
    }
}
