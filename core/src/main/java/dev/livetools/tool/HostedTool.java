package dev.livetools.tool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool the host offers the model: its declaration and what runs when the model calls it. {@code @LiveTool} methods
 * are one source of them (the catalog turns each method into one); tools built in code, bridged from an MCP server or
 * reloaded from a plugin are others. The dispatcher treats every source alike: each call is answered exactly once,
 * within its deadline, cancellable, with the same error shapes.
 *
 * <pre>{@code
 * HostedTool clock = HostedTool.of(
 *         new FunctionDeclaration("now", "The current time", null, null),
 *         (args, context) -> java.time.LocalTime.now().toString());
 * ToolCatalog catalog = ToolCatalog.builder().addTools(clock).build();
 * }</pre>
 *
 * <p>What {@link #call} may do, and what the model then receives:
 * <ul>
 *   <li>return a value: {@code {"output": value}}, written with Jackson; a {@code ToolResult} picks the scheduling of
 *       a NON_BLOCKING result; a {@code CompletionStage} is awaited (and cancelled with the call);</li>
 *   <li>throw {@link InvalidArgumentsException}: {@code INVALID_ARGUMENT}, one entry per violation;</li>
 *   <li>throw {@code ToolException}: {@code TOOL_ERROR} with its message, retryable flag and details;</li>
 *   <li>throw anything else: {@code INTERNAL}, the text the dispatcher's error redactor allows.</li>
 * </ul>
 * Implementations must be thread-safe: calls run in parallel.
 */
public interface HostedTool {

    /** The declaration sent in {@code setup}; its name is the name the model calls. */
    FunctionDeclaration declaration();

    /**
     * Runs one call.
     *
     * @param args the call's {@code args}, as the model sent them (an empty object when it sent none)
     * @param context the call's id, deadline, cancellation and partial results
     * @return the result (see above)
     * @throws Exception anything; see above for what the model is told
     */
    Object call(ObjectNode args, ToolContext context) throws Exception;

    /** The tool's own deadline per call; empty for the dispatcher's default. */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /** How the results of a NON_BLOCKING tool are scheduled unless a {@code ToolResult} says otherwise. */
    default Scheduling scheduling() {
        return Scheduling.WHEN_IDLE;
    }

    /** Where the tool comes from, for messages: {@code "classpath"}, a plugin jar's path; {@code "code"} here. */
    default String origin() {
        return "code";
    }

    /** How logs and error messages name the tool, e.g. {@code HomeTools.setLight(String,int)}. */
    default String signature() {
        return declaration().name();
    }

    /** The body of a tool built in code. */
    @FunctionalInterface
    interface Handler {
        /** Runs one call; see {@link HostedTool#call}. */
        Object call(ObjectNode args, ToolContext context) throws Exception;
    }

    /**
     * A tool from a declaration and a handler.
     *
     * @param declaration what the model is told
     * @param handler what runs
     */
    static HostedTool of(FunctionDeclaration declaration, Handler handler) {
        return new CodeTool(declaration, handler, null, Scheduling.WHEN_IDLE);
    }

    /**
     * A tool from a declaration and a handler, with its own deadline per call.
     *
     * @param timeout positive
     */
    static HostedTool of(FunctionDeclaration declaration, Duration timeout, Handler handler) {
        return new CodeTool(declaration, handler, Objects.requireNonNull(timeout, "timeout"), Scheduling.WHEN_IDLE);
    }
}
