package dev.livetools.benchmarks.host;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalTime;
import java.util.List;

/**
 * One class with the two tools of issue 11's performance section, annotated for LiveTools and for LangChain4j alike so
 * that both build their declarations from the same methods.
 */
public final class HomeTools {

    public record LightState(String room, int brightness, boolean on) {
    }

    public enum Action { ON, OFF, DIM }

    public record Step(@NotNull LocalTime at, @NotNull Action action, @Min(0) @Max(100) int level) {
    }

    public record Routine(@NotBlank String name, @Size(min = 1) List<@Valid Step> steps) {
    }

    @LiveTool(description = "Switch a light and set its brightness")
    @Tool("Switch a light and set its brightness")
    public LightState setLight(@Param(description = "Room, e.g. kitchen") @P("Room, e.g. kitchen") @NotBlank String room,
                               @Param(description = "Brightness in percent") @P("Brightness in percent")
                               @Min(0) @Max(100) int brightness,
                               @Param(description = "On or off") @P("On or off") boolean on) {
        return new LightState(room, brightness, on);
    }

    @LiveTool(description = "Schedule a routine of timed steps")
    @Tool("Schedule a routine of timed steps")
    public String schedule(@Param(description = "The routine") @P("The routine") @Valid Routine routine) {
        return "scheduled " + routine.name() + " with " + routine.steps().size() + " steps";
    }
}
