package dev.livetools.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * A call that was answered at its deadline (or cancelled) but whose method is still running: it ignores interrupts,
 * e.g. a blocking socket read without a timeout. Its concurrency slot has been given to later calls; its thread is
 * still busy. Reported through {@link DispatchListener#onStuckCalls}.
 *
 * @param callId the call's id
 * @param toolName the tool it called
 * @param age how long ago the call arrived
 */
public record StuckCall(String callId, String toolName, Duration age) {

    public StuckCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(age, "age");
    }
}
