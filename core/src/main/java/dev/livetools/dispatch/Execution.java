package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import dev.livetools.tool.InvalidArgumentsException;
import dev.livetools.tool.InvalidResultException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on its thread and turns what the tool did into the call's one {@link Outcome}: a result, or the
 * error shape of what it threw. The same for every source of tools.
 */
final class Execution {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");

    private final ErrorRedactor redactor;
    private final long maxResultBytes;

    Execution(ErrorRedactor redactor, long maxResultBytes) {
        this.redactor = redactor;
        this.maxResultBytes = maxResultBytes;
    }

    void run(Call call, Runnable slot) {
        if (!call.start(slot)) {
            return;
        }
        try {
            Object result = call.route.tool().call(call.args, call);
            if (result instanceof CompletionStage<?> stage) {
                await(call, stage);
            } else {
                call.complete(success(call, result));
            }
        } catch (Throwable t) {
            fail(call, t);
        } finally {
            call.detach();
            // An interrupt aimed at this call may have landed after the method returned; the thread moves on clean.
            Thread.interrupted();
        }
    }

    private void await(Call call, CompletionStage<?> stage) {
        call.onCancel(() -> {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException ignored) {
                // A stage that cannot be cancelled finishes on its own; its result is then suppressed.
            }
        });
        stage.whenComplete((value, error) -> {
            if (error != null) {
                fail(call, error);
            } else {
                call.complete(success(call, value));
            }
        });
    }

    private Outcome success(Call call, Object result) {
        try {
            Object value = result;
            Scheduling scheduling = null;
            if (value instanceof ToolResult r) {
                value = r.value();
                scheduling = r.scheduling().orElse(null);
            }
            ObjectNode payload = Payloads.output(value);
            long bytes = ResultSize.over(payload.get("output"), maxResultBytes);
            if (bytes >= 0) {
                LOG.warn("{} returned a result of {} bytes, over the limit of {} bytes; answered TOOL_ERROR",
                        call.route.tool().signature(), bytes, maxResultBytes);
                return Outcome.failure(Payloads.resultTooLarge(call.name, bytes, maxResultBytes),
                        ErrorType.TOOL_ERROR);
            }
            return new Outcome(payload, scheduling, null);
        } catch (RuntimeException e) {
            LOG.warn("{} returned a result that cannot be written as JSON", call.route.tool().signature(), e);
            return Outcome.failure(Payloads.internal(call.name + " returned a result that cannot be sent as JSON ("
                    + e.getClass().getSimpleName() + ")"), ErrorType.INTERNAL);
        }
    }

    private void fail(Call call, Throwable thrown) {
        if (call.isCancelled()) {
            // Interrupted by cancellation or its deadline; that answer (or silence) stands.
            return;
        }
        call.complete(failure(call, unwrap(thrown)));
    }

    private Outcome failure(Call call, Throwable error) {
        if (error instanceof InvalidArgumentsException e) {
            return Outcome.failure(Payloads.invalidArguments(call.name, e.violations()), ErrorType.INVALID_ARGUMENT);
        }
        if (error instanceof ToolException te) {
            return Outcome.failure(Payloads.toolError(te), ErrorType.TOOL_ERROR);
        }
        if (error instanceof InvalidResultException e) {
            return Outcome.failure(Payloads.invalidResult(call.name, e.violations()), ErrorType.INTERNAL);
        }
        String correlationId = correlationId();
        LOG.warn("{} failed on call {} (correlation id {})", call.route.tool().signature(), call.callId,
                correlationId, error);
        String message;
        try {
            message = redactor.redact(call.name, error);
        } catch (RuntimeException e) {
            LOG.warn("The error redactor failed; sending no message", e);
            message = null;
        }
        return Outcome.failure(Payloads.internal(call.name, error, message, correlationId), ErrorType.INTERNAL);
    }

    /** 48 random bits: unique enough to find one failure in a host's log, short enough for the model to repeat. */
    private static String correlationId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL);
        return "0".repeat(12 - hex.length()) + hex;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof InvocationTargetException || current instanceof UndeclaredThrowableException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
