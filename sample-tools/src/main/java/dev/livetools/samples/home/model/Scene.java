package dev.livetools.samples.home.model;

import java.util.List;
import java.util.Objects;

/**
 * A named set of changes applied together, e.g. "movie night".
 *
 * @param name the scene's name
 * @param aliases other names for it
 * @param steps the changes, in the order they are applied
 */
public record Scene(String name, List<String> aliases, List<Step> steps) {

    public Scene {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("scene '" + name + "' changes no device");
        }
    }

    /**
     * One device's part of a scene.
     *
     * @param device the device
     * @param settings what it is set to
     */
    public record Step(Device device, Settings settings) {
        public Step {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(settings, "settings");
        }
    }
}
