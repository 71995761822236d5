package dev.livetools.samples.home.backend;

import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Home;
import dev.livetools.samples.home.model.Settings;
import dev.livetools.sdk.ToolException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A home that exists only in memory, starting from the home description, optionally kept in a state file so that
 * nothing is lost on restart. Devices do exactly what they are told, at once.
 */
public final class SimulatedBackend implements HomeBackend {

    private static final System.Logger LOG = System.getLogger(SimulatedBackend.class.getName());

    private final Map<String, DeviceState> states = new LinkedHashMap<>();
    private final StateFile file;

    private SimulatedBackend(Home home, StateFile file) {
        this.file = file;
        Map<String, DeviceState> saved = file == null ? Map.of() : file.load();
        for (Device d : home.devices()) {
            states.put(d.id(), restore(home, d, saved.get(d.id())));
        }
        for (String id : saved.keySet()) {
            if (home.device(id).isEmpty()) {
                LOG.log(Level.INFO, "home state file {0} has state for device ''{1}'', which the home description no "
                        + "longer lists; it is dropped at the next save", file.path(), id);
            }
        }
    }

    /** A home that forgets its state when the plugin stops. */
    public static SimulatedBackend inMemory(Home home) {
        return new SimulatedBackend(Objects.requireNonNull(home, "home"), null);
    }

    /**
     * A home whose state is read from {@code file} and saved to it after every change.
     *
     * @throws IllegalStateException naming the file when it exists but is not a valid state file
     */
    public static SimulatedBackend persistent(Home home, StateFile file) {
        return new SimulatedBackend(Objects.requireNonNull(home, "home"), Objects.requireNonNull(file, "file"));
    }

    @Override
    public synchronized List<DeviceState> read(List<Device> devices) {
        List<DeviceState> out = new ArrayList<>(devices.size());
        for (Device d : devices) {
            out.add(stateOf(d));
        }
        return out;
    }

    @Override
    public synchronized List<Outcome> apply(List<Change> changes) {
        Map<String, DeviceState> next = new LinkedHashMap<>(states);
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        for (Change c : changes) {
            DeviceState after = stateOf(c.device(), next).with(c.settings());
            next.put(c.device().id(), after);
            outcomes.add(Outcome.done(c.device(), after));
        }
        if (file != null) {
            try {
                file.save(next);
            } catch (IOException e) {
                // Memory follows the disk: a change that cannot be saved is not made at all.
                throw new ToolException("Could not save the home state (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + "); nothing was changed.", true, Map.of());
            }
        }
        states.clear();
        states.putAll(next);
        return outcomes;
    }

    @Override
    public String describe() {
        return file == null ? "simulated home" : "simulated home saved to " + file.path();
    }

    @Override
    public void close() {
        // Every change is already on disk; nothing to release.
    }

    private DeviceState stateOf(Device d) {
        return stateOf(d, states);
    }

    private static DeviceState stateOf(Device d, Map<String, DeviceState> map) {
        DeviceState s = map.get(d.id());
        if (s == null) {
            throw new IllegalArgumentException("device '" + d.id() + "' is not part of this home");
        }
        return s;
    }

    /** The saved state if it still fits the device as now described, else the described initial state. */
    private DeviceState restore(Home home, Device d, DeviceState saved) {
        DeviceState initial = home.initialState(d);
        if (saved == null) {
            return initial;
        }
        Settings asChange = null;
        List<String> problems;
        try {
            asChange = new Settings(saved.on(), saved.brightness(), saved.colorTemperature(), saved.color(),
                    saved.position(), null, saved.setpoint());
            problems = d.problems(asChange);
        } catch (RuntimeException e) {
            problems = List.of(e.getMessage());
        }
        if (!problems.isEmpty()) {
            LOG.log(Level.WARNING, "home state file {0}: saved state of ''{1}'' no longer fits its description ({2}); "
                    + "starting it from the description", file.path(), d.id(), String.join(" ", problems));
            return initial;
        }
        return initial.with(asChange);
    }
}
