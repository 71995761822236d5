package dev.livetools.dispatch;

import dev.livetools.sdk.Scheduling;
import dev.livetools.tool.HostedTool;
import java.time.Duration;

/**
 * A catalog tool as the dispatcher runs it, derived once when the dispatcher is built: nothing here is looked up or
 * decided again per call.
 *
 * @param tool the tool
 * @param name its function name
 * @param timeout its deadline: its own, else the dispatcher's default
 * @param nonBlocking whether it is declared NON_BLOCKING (and so may send partial results and a scheduling)
 * @param scheduling its default scheduling of NON_BLOCKING results
 */
record RoutedTool(HostedTool tool, String name, Duration timeout, boolean nonBlocking, Scheduling scheduling) {

    static RoutedTool of(HostedTool tool, Duration defaultTimeout) {
        return new RoutedTool(tool, tool.declaration().name(), tool.timeout().orElse(defaultTimeout),
                "NON_BLOCKING".equals(tool.declaration().behavior()), tool.scheduling());
    }
}
