package dev.livetools.benchmarks.dispatch;

import dev.livetools.sdk.LiveTool;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;

/** The two tools the issue names: a flat one with range constraints, and one taking a nested record. */
public final class BenchTools {

    public record LightState(String room, int brightness, boolean on) {
    }

    public enum Action { ON, OFF, DIM }

    public record Step(@NotNull LocalTime at, @NotNull Action action, @Min(0) @Max(100) int level) {
    }

    public record Routine(@NotBlank String name, @Valid @Size(min = 1) List<Step> steps) {
    }

    @LiveTool(description = "Switch a light and set its brightness")
    public LightState setLight(String room, @Min(0) @Max(100) int brightness, boolean on) {
        return new LightState(room, brightness, on);
    }

    /** setLight without constraints: the dispatcher then skips validation altogether. */
    @LiveTool(description = "Switch a light and set its brightness (no constraints)")
    public LightState setLightUnchecked(String room, int brightness, boolean on) {
        return new LightState(room, brightness, on);
    }

    @LiveTool(description = "Schedule a routine of timed steps")
    public String schedule(@Valid Routine routine) {
        return "scheduled " + routine.name() + " with " + routine.steps().size() + " steps";
    }
}
