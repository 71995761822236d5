package dev.livetools.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool's return value together with delivery options. Return it (or a future of it) instead of the bare value when
 * one result of a NON_BLOCKING tool must be scheduled differently from the tool's default.
 *
 * <pre>{@code
 * return ToolResult.of(status).withScheduling(Scheduling.INTERRUPT);
 * }</pre>
 *
 * <p>Instances are immutable. A scheduling on a BLOCKING tool's result is ignored, as the protocol requires.
 */
public final class ToolResult {

    private final Object value;
    private final Scheduling scheduling;

    private ToolResult(Object value, Scheduling scheduling) {
        this.value = value;
        this.scheduling = scheduling;
    }

    /**
     * A result with the tool's default scheduling.
     *
     * @param value what the model receives as {@code output}; {@code null} for a bare acknowledgement
     * @return the result
     */
    public static ToolResult of(Object value) {
        return new ToolResult(value, null);
    }

    /**
     * This result with an explicit scheduling.
     *
     * @param scheduling how the model treats this result; must not be {@code null}
     * @return a new result with the same value
     */
    public ToolResult withScheduling(Scheduling scheduling) {
        return new ToolResult(value, Objects.requireNonNull(scheduling, "scheduling"));
    }

    /**
     * The value the model receives.
     *
     * @return the value, possibly {@code null}
     */
    public Object value() {
        return value;
    }

    /**
     * The scheduling chosen for this result, if any.
     *
     * @return the scheduling, or empty for the tool's default
     */
    public Optional<Scheduling> scheduling() {
        return Optional.ofNullable(scheduling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ToolResult other
                && Objects.equals(value, other.value)
                && scheduling == other.scheduling;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, scheduling);
    }

    @Override
    public String toString() {
        return "ToolResult[value=" + value + ", scheduling=" + scheduling + "]";
    }
}
