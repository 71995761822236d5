package dev.livetools.testkit;

import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.sdk.ToolContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Tools for the tester and extension tests. */
public class ThermostatTools {

    final CountDownLatch slowCancelled = new CountDownLatch(1);

    @LiveTool(description = "Sets the thermostat of a room")
    public Map<String, Object> setThermostat(
            @Param(description = "Target temperature in Celsius") @Min(5) @Max(30) int temperature,
            @Param(description = "Room; the living room when left out", required = false) String room) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("room", room == null ? "living room" : room);
        state.put("target", temperature);
        return state;
    }

    @LiveTool(description = "Takes its time, until cancelled", timeout = "10s")
    public String slowSurvey(ToolContext context) throws InterruptedException {
        try {
            Thread.sleep(10_000);
            return "finished";
        } catch (InterruptedException e) {
            if (context.isCancelled()) {
                slowCancelled.countDown();
            }
            throw e;
        }
    }
}
