package dev.livetools.catalog.scanfixture;

import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.Positive;

/** Instance tools: a catalog creates one instance and calls both methods on it. */
public final class CounterTools {

    private int count;

    @LiveTool(description = "Add to the counter and return the new total")
    public int add(@Positive int amount) {
        count += amount;
        return count;
    }

    @LiveTool(description = "The counter's total")
    public int total() {
        return count;
    }
}
