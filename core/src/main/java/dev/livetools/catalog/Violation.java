package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.tool.ArgumentViolation;
import java.util.Objects;

/**
 * One reason a call's arguments were rejected, sent to the model as one entry of {@code error.violations}.
 *
 * @param parameter position of the tool argument it belongs to (for ordering), {@link Integer#MAX_VALUE} for unknown
 *                  arguments
 * @param path where in {@code args}: {@code brightness}, {@code routine.steps[0].at}
 * @param constraint the rule broken: a constraint annotation's simple name ({@code Min}) or one of
 *                   {@code required}, {@code type}, {@code unknown}
 * @param message what is wrong, for the model
 * @param rejectedValue the JSON the model sent there, or {@code null} when it sent nothing
 */
record Violation(int parameter, String path, String constraint, String message, JsonNode rejectedValue)
        implements Comparable<Violation> {

    static final String REQUIRED = "required";
    static final String TYPE = "type";
    static final String UNKNOWN = "unknown";

    Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(message, "message");
    }

    /** The entry the model sees. */
    ArgumentViolation toArgumentViolation() {
        return new ArgumentViolation(path, constraint, message, rejectedValue);
    }

    @Override
    public int compareTo(Violation o) {
        int c = Integer.compare(parameter, o.parameter);
        if (c != 0) {
            return c;
        }
        c = path.compareTo(o.path);
        return c != 0 ? c : constraint.compareTo(o.constraint);
    }
}
