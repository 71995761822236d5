package dev.livetools.catalog;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One parameter of a tool method, resolved once at discovery.
 *
 * @param index position in the Java method signature
 * @param name the name the model uses in {@code args} (empty for injected parameters)
 * @param description the description shown to the model, or empty
 * @param type the full generic type to bind {@code args[name]} to
 * @param required whether the model must supply it
 * @param role whether the model supplies it or the host injects it
 * @param javaParameter the reflective parameter, for annotations and validation
 */
public record ToolParameter(int index, String name, String description, Type type, boolean required, Role role,
                            Parameter javaParameter) {

    /** Where a parameter's value comes from. */
    public enum Role {
        /** Bound from the call's {@code args}; declared in the schema. */
        ARGUMENT,
        /** The call's {@link dev.livetools.sdk.ToolContext}; injected by type, never declared. */
        CONTEXT
    }

    public ToolParameter {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(javaParameter, "javaParameter");
    }
}
