package dev.livetools.catalog;

import java.util.List;

/**
 * Thrown when a catalog cannot be built. Lists every problem found, each naming the class, method and parameter at
 * fault, so a plugin author fixes them all in one round.
 */
public final class ToolDiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ToolDiscoveryException(List<String> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a discovery failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder sb = new StringBuilder(problems.size() + " problems found while discovering tools:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
