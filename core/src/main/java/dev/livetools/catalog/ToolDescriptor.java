package dev.livetools.catalog;

import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.Scheduling;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the host knows about one tool, resolved once when the catalog is built so that a call needs no
 * reflection lookups or schema work.
 *
 * @param name the function name the model sees
 * @param description the description the model sees, or empty
 * @param behavior BLOCKING or NON_BLOCKING
 * @param scheduling default scheduling of NON_BLOCKING results
 * @param timeout the per-call deadline, or {@code null} for the host default
 * @param method the Java method
 * @param target the instance to call it on, or {@code null} for a static method
 * @param parameters every Java parameter, in signature order
 * @param resultType the value type the method produces, with any {@code CompletionStage} unwrapped
 * @param async whether the method returns a {@code CompletionStage}
 * @param declaration the declaration sent in {@code setup}
 * @param origin where the tool came from: {@code "classpath"} or the plugin jar's path
 */
public record ToolDescriptor(String name, String description, Behavior behavior, Scheduling scheduling,
                             Duration timeout, Method method, Object target, List<ToolParameter> parameters,
                             Type resultType, boolean async, FunctionDeclaration declaration, String origin) {

    public ToolDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(scheduling, "scheduling");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(resultType, "resultType");
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(origin, "origin");
        parameters = List.copyOf(parameters);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(name + ": timeout must be positive");
        }
        if ((target == null) != Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException(name + ": a target is needed exactly when the method is not static");
        }
    }

    /** The per-call deadline if the tool declares one. */
    public Optional<Duration> declaredTimeout() {
        return Optional.ofNullable(timeout);
    }

    /** The parameters the model supplies, in declaration order. */
    public List<ToolParameter> arguments() {
        return parameters.stream().filter(p -> p.role() == ToolParameter.Role.ARGUMENT).toList();
    }

    /** {@code Class.method(ParamType,...)}, the way every error message names a tool. */
    public String signature() {
        return MethodNames.signature(method);
    }
}
