package dev.livetools.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One reason a call's arguments were refused, sent to the model as one entry of {@code error.violations}.
 *
 * @param path where in {@code args}: {@code brightness}, {@code routine.steps[0].at}
 * @param constraint the rule broken: a constraint annotation's simple name ({@code Min}) or one of {@code required},
 *                   {@code type}, {@code unknown}
 * @param message what is wrong, for the model
 * @param rejectedValue the JSON the model sent there, or {@code null} when it sent nothing
 */
public record ArgumentViolation(String path, String constraint, String message, JsonNode rejectedValue) {

    public ArgumentViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(constraint, "constraint");
        Objects.requireNonNull(message, "message");
    }
}
