package dev.livetools.samples.home.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The layout of a home: rooms, devices and scenes, as read from a home description. It never changes while the plugin
 * runs; device state lives in a backend.
 */
public final class Home {

    private final String name;
    private final TemperatureUnit unit;
    private final ZoneId zone;
    private final List<Room> rooms;
    private final Map<String, Device> devices;
    private final List<Scene> scenes;
    private final Map<String, DeviceState> initialStates;

    /**
     * @param name the home's name
     * @param unit the unit temperatures are spoken in unless a call says otherwise
     * @param zone the time zone reminders are set in
     * @param rooms the rooms, in the order they are listed
     * @param devices the devices, each in one of {@code rooms}
     * @param scenes the scenes, whose devices are among {@code devices}
     * @param initialStates the state each device starts in for the simulated backend, by device id
     */
    public Home(String name, TemperatureUnit unit, ZoneId zone, List<Room> rooms, List<Device> devices,
                List<Scene> scenes, Map<String, DeviceState> initialStates) {
        this.name = Objects.requireNonNull(name, "name");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rooms = List.copyOf(rooms);
        this.scenes = List.copyOf(scenes);
        Set<String> roomNames = new HashSet<>();
        for (Room r : this.rooms) {
            if (!roomNames.add(r.name())) {
                throw new IllegalArgumentException("two rooms are called '" + r.name() + "'");
            }
        }
        Map<String, Device> byId = new LinkedHashMap<>();
        for (Device d : devices) {
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalArgumentException("two devices have the id '" + d.id() + "'");
            }
            if (!roomNames.contains(d.room())) {
                throw new IllegalArgumentException("device '" + d.id() + "' is in unknown room '" + d.room() + "'");
            }
        }
        this.devices = byId;
        for (Scene s : this.scenes) {
            for (Scene.Step step : s.steps()) {
                if (byId.get(step.device().id()) != step.device()) {
                    throw new IllegalArgumentException("scene '" + s.name() + "' uses a device of another home: "
                            + step.device().id());
                }
            }
        }
        this.initialStates = Map.copyOf(initialStates);
    }

    /** The home's name. */
    public String name() {
        return name;
    }

    /** The unit temperatures are spoken in unless a call says otherwise. */
    public TemperatureUnit unit() {
        return unit;
    }

    /** The time zone reminders are set in. */
    public ZoneId zone() {
        return zone;
    }

    /** The rooms, in description order. */
    public List<Room> rooms() {
        return rooms;
    }

    /** Every device, in description order. */
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** The devices of one type, in description order. */
    public List<Device> devices(DeviceType type) {
        return devices.values().stream().filter(d -> d.type() == type).toList();
    }

    /** The devices in one room, in description order. */
    public List<Device> devicesIn(Room room) {
        return devices.values().stream().filter(d -> d.room().equals(room.name())).toList();
    }

    /** The device with this id. */
    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The rooms that hold at least one device of this type, in description order. */
    public List<Room> roomsWith(DeviceType type) {
        List<Room> out = new ArrayList<>();
        for (Room r : rooms) {
            if (devicesIn(r).stream().anyMatch(d -> d.type() == type)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The scenes, in description order. */
    public List<Scene> scenes() {
        return scenes;
    }

    /** The state a simulated device starts in. */
    public DeviceState initialState(Device device) {
        return initialStates.getOrDefault(device.id(), DeviceState.unknown());
    }
}
