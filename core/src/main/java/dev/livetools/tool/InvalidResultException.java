package dev.livetools.tool;

import java.util.List;

/**
 * Thrown by {@link HostedTool#call} when the tool produced a result that breaks its own declared constraints: a bug
 * of the tool, answered {@code INTERNAL} listing the violations (the model cannot fix it by calling again).
 */
public final class InvalidResultException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ArgumentViolation> violations;

    /** @param violations at least one; paths start at {@code output} */
    public InvalidResultException(List<ArgumentViolation> violations) {
        super(violations.isEmpty() ? "no violations" : violations.get(0).path() + " " + violations.get(0).message(),
                null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** The violations found on the result. */
    public List<ArgumentViolation> violations() {
        return violations;
    }
}
