package dev.livetools.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one scenario step.
 *
 * @param index   position in the scenario, from 0
 * @param step    the step's description
 * @param status  passed, failed, or not reached
 * @param detail  why it failed, or what matched
 * @param at      when the step finished, since the session started
 */
public record StepResult(int index, String step, Status status, String detail, Duration at) {

    /** What happened to the step. */
    public enum Status { PASSED, FAILED, NOT_REACHED }

    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        at = at == null ? Duration.ZERO : at;
    }

    @Override
    public String toString() {
        return String.format("%3d %-11s %s%s", index, status, step, detail.isEmpty() ? "" : " -- " + detail);
    }
}
