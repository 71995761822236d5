package dev.livetools.testkit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of one scenario run (one emulated session, across resumed connections).
 *
 * @param scenario   the scenario's name
 * @param passed     every step passed
 * @param steps      one result per step, in order
 * @param unconsumed client messages no expectation consumed (for example a response to a cancelled call)
 */
public record ScenarioResult(String scenario, boolean passed, List<StepResult> steps, List<String> unconsumed) {

    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        steps = List.copyOf(steps);
        unconsumed = List.copyOf(unconsumed);
    }

    /** The failed steps (at most one: a run stops at its first failure). */
    public List<StepResult> failures() {
        return steps.stream().filter(s -> s.status() == StepResult.Status.FAILED).toList();
    }

    /** A readable report: the verdict, every step, and the unconsumed client messages. */
    public String report() {
        String header = "scenario '" + scenario + "' " + (passed ? "PASSED" : "FAILED");
        String body = steps.stream().map(StepResult::toString).collect(Collectors.joining("\n"));
        String extra = unconsumed.isEmpty() ? "" : "\nunconsumed client messages:\n  "
                + String.join("\n  ", unconsumed);
        return header + (body.isEmpty() ? "" : "\n" + body) + extra;
    }

    @Override
    public String toString() {
        return report();
    }
}
