package dev.livetools.samples.home.backend;

import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Settings;
import java.util.List;
import java.util.Objects;

/**
 * Where device state lives: a simulated home, or real devices behind an MQTT broker. The tools validate every change
 * against the device's capabilities first, so a backend only carries changes out and reads state back. Calls may
 * come from several tool threads at once.
 */
public interface HomeBackend extends AutoCloseable {

    /**
     * The current state of each device, in the order given.
     *
     * @throws dev.livetools.sdk.ToolException when the devices cannot be reached (retryable)
     */
    List<DeviceState> read(List<Device> devices);

    /**
     * Carries out the changes and reads each device back afterwards.
     *
     * @return one outcome per change, in the order given: the state read back, or why that device failed
     * @throws dev.livetools.sdk.ToolException when nothing could be done (e.g. the broker is unreachable)
     */
    List<Outcome> apply(List<Change> changes);

    /** A short description for status reports, e.g. "simulated" or "MQTT broker tcp://host:1883". */
    String describe();

    /** Releases connections and files. */
    @Override
    void close();

    /**
     * One device's change.
     *
     * @param device the device
     * @param settings what to change; already checked against the device's capabilities
     */
    record Change(Device device, Settings settings) {
        public Change {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * What became of one change.
     *
     * @param device the device
     * @param state its state read back afterwards; {@code null} when it failed
     * @param failure why it failed, for the model; {@code null} when it succeeded
     */
    record Outcome(Device device, DeviceState state, String failure) {
        public Outcome {
            Objects.requireNonNull(device, "device");
            if ((state == null) == (failure == null)) {
                throw new IllegalArgumentException("an outcome has either a state or a failure");
            }
        }

        /** A change carried out. */
        public static Outcome done(Device device, DeviceState state) {
            return new Outcome(device, state, null);
        }

        /** A change that failed. */
        public static Outcome failed(Device device, String failure) {
            return new Outcome(device, null, failure);
        }

        /** Whether the change was carried out. */
        public boolean succeeded() {
            return failure == null;
        }
    }
}
