package dev.livetools.tool;

import java.util.List;

/**
 * Thrown by {@link HostedTool#call} when the arguments are unusable; the model is answered {@code INVALID_ARGUMENT}
 * with one entry per violation, so it can correct the call. Carries no stack trace: it is an answer, not a bug.
 */
public final class InvalidArgumentsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ArgumentViolation> violations;

    /** @param violations at least one */
    public InvalidArgumentsException(List<ArgumentViolation> violations) {
        super(violations.isEmpty() ? "no violations" : violations.get(0).path() + " " + violations.get(0).message(),
                null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("invalid arguments need at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** The violations, in the order the model is told them. */
    public List<ArgumentViolation> violations() {
        return violations;
    }
}
