package dev.livetools.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool the Live model may call.
 *
 * <pre>{@code
 * public final class HomeTools {
 *     @LiveTool(description = "Switch a light and set its brightness", timeout = "2s")
 *     public String setLight(@Param(description = "Room name") @NotBlank String room,
 *                            @Min(0) @Max(100) int brightness,
 *                            boolean on) { ... }
 * }
 * }</pre>
 *
 * <p>The method may be static, or an instance method of a class with a public no-argument constructor (or one the
 * host's instance factory can create). It may return any value Jackson can serialise, {@code void},
 * {@link ToolResult}, or a {@code CompletableFuture}/{@code CompletionStage} of those.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LiveTool {

    /**
     * The function name the model sees; defaults to the method name. Gemini allows
     * {@code [A-Za-z_][A-Za-z0-9_.-]{0,63}}; anything else fails at discovery.
     *
     * @return the tool name, or empty for the method name
     */
    String name() default "";

    /**
     * What the tool does, written for the model: when to call it and what it returns.
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * Whether the model waits for the result ({@link Behavior#BLOCKING}) or carries on talking
     * ({@link Behavior#NON_BLOCKING}).
     *
     * @return the declared behavior
     */
    Behavior behavior() default Behavior.BLOCKING;

    /**
     * How a NON_BLOCKING result is delivered to the conversation unless the result overrides it with
     * {@link ToolResult#withScheduling(Scheduling)}. Ignored for BLOCKING tools, which never carry a scheduling.
     *
     * @return the default scheduling of this tool's results
     */
    Scheduling scheduling() default Scheduling.WHEN_IDLE;

    /**
     * The per-call deadline, such as {@code "500ms"}, {@code "5s"}, {@code "2m"} or an ISO-8601 duration
     * ({@code "PT5S"}). Empty means the host-wide default. When the deadline passes the method is interrupted and the
     * model receives a {@code DEADLINE_EXCEEDED} error. An unparsable value fails at discovery.
     *
     * @return the deadline, or empty for the host default
     */
    String timeout() default "";
}
