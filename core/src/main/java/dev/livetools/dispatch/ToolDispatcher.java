package dev.livetools.dispatch;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.catalog.ToolDiscoveryException;
import dev.livetools.dispatch.internal.DispatchEngine;
import dev.livetools.dispatch.internal.EngineSettings;
import dev.livetools.protocol.ToolCall;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Runs the tools of a {@link ToolCatalog} for a live session: binds each call's {@code args} to the method's
 * parameters, validates them, calls the method and answers through a {@link ResponseSink}, exactly once per call id.
 *
 * <pre>{@code
 * try (ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).defaultTimeout(Duration.ofSeconds(10)).build()) {
 *     dispatcher.dispatch(toolCall, session::sendToolResponse);
 *     // on toolCallCancellation:
 *     dispatcher.cancel(cancellation.ids());
 * }
 * }</pre>
 *
 * <p>What the model receives:
 * <ul>
 *   <li>a result as {@code {"output": value}} ({@code {"output":"ok"}} for {@code void});</li>
 *   <li>a failure as {@code {"error": {"type", "message", ...}}}, the type one of {@link ErrorType}: an unknown
 *       name lists the valid ones, invalid arguments get one entry per violation ({@code path}, {@code constraint},
 *       {@code message}, {@code rejectedValue}), a {@code ToolException} its message, retryable flag and details,
 *       any other exception only its class and (redactable) message, a missed deadline {@code DEADLINE_EXCEEDED}.</li>
 * </ul>
 *
 * <p>Binding is lenient where models are sloppy and strict where they are wrong: {@code 5.0} and {@code "5"} bind to
 * an {@code int}, {@code 5.5} does not; enum names ignore case; ISO-8601 strings bind to {@code java.time} types;
 * absent optional arguments become {@code Optional.empty()} or {@code null}; missing required arguments and unknown
 * extra ones are reported, never guessed. Parameters are then checked with Hibernate Validator, including
 * {@code @Valid} cascades into records, and declared return-value constraints are checked on the result.
 *
 * <p>The calls of one {@code toolCall} run in parallel, on virtual threads on Java 21+ and on a bounded pool on 17.
 * Each call has a deadline (the tool's {@code timeout}, else {@link Builder#defaultTimeout}); when it passes the
 * model is answered {@code DEADLINE_EXCEEDED} at once and the method is interrupted. {@link #cancel} interrupts
 * exactly the given calls and suppresses their answers. A call id delivered twice runs once. Calls without an id are
 * run and answered without one, as Vertex expects.
 *
 * <p>NON_BLOCKING tools answer with a {@code scheduling} (the annotation's, or the one a {@code ToolResult} picks)
 * and may stream partial results through {@code ToolContext.sendPartial}, sent with {@code willContinue: true} before
 * the final answer; BLOCKING tools never carry either field. Methods may return a {@code CompletionStage}.
 *
 * <p>All the reflection, binder and validator metadata work happens in {@link Builder#build()}, which fails fast
 * naming every tool it cannot run. Thread-safe.
 */
public final class ToolDispatcher implements ToolRunner {

    private final ToolCatalog catalog;
    private final DispatchEngine engine;

    private ToolDispatcher(ToolCatalog catalog, DispatchEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /**
     * A builder for a dispatcher over {@code catalog}.
     *
     * @param catalog the tools to run; the dispatcher does not close it
     * @return a builder with the defaults described on each setter
     */
    public static Builder builder(ToolCatalog catalog) {
        return new Builder(Objects.requireNonNull(catalog, "catalog"));
    }

    /** The tools this dispatcher runs. */
    public ToolCatalog catalog() {
        return catalog;
    }

    /** Whether tool methods run on virtual threads (Java 21+ and no custom executor). */
    public boolean usesVirtualThreads() {
        return engine.usesVirtualThreads();
    }

    /**
     * Completes when the warm-up that {@link Builder#build()} starts in the background is over. The warm-up does, on a
     * daemon thread, the one-time work the first call would otherwise pay for (Jackson serializers, the validator's
     * constraint validators and message bundle); it never runs a tool or a custom constraint validator. Calls need
     * not wait for it: one that arrives meanwhile is answered exactly the same, only a little later.
     *
     * @return a stage that completes normally, even if some warm-up work failed
     */
    public CompletionStage<Void> warmUp() {
        return engine.warmUp().copy();
    }

    @Override
    public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
        return engine.dispatch(call, sink);
    }

    @Override
    public Set<String> cancel(Collection<String> ids) {
        return engine.cancel(Objects.requireNonNull(ids, "ids"));
    }

    /** Cancels every call still running or queued (without answering them) and stops the dispatcher's threads. */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link ToolDispatcher}. */
    public static final class Builder {

        private final ToolCatalog catalog;
        private Duration defaultTimeout = Duration.ofSeconds(30);
        private ResponseMode responseMode = ResponseMode.ONE_BY_ONE;
        private int maxConcurrency = 64;
        private ErrorRedactor errorRedactor = ErrorRedactor.messageAsIs();
        private DispatchListener listener;
        private String sessionId = "";
        private Validator validator;
        private Executor executor;

        private Builder(ToolCatalog catalog) {
            this.catalog = catalog;
        }

        /** The deadline of tools that declare no {@code timeout}; default 30 s. */
        public Builder defaultTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("defaultTimeout must be positive: " + timeout);
            }
            this.defaultTimeout = timeout;
            return this;
        }

        /** One {@code toolResponse} per answer as it finishes (default), or one per {@code toolCall}. */
        public Builder responseMode(ResponseMode mode) {
            this.responseMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * How many tool methods may run at once; further calls wait. Default 64. Async tools count only while their
         * method runs, not while their future is pending. Ignored with a custom {@link #executor}.
         */
        public Builder maxConcurrency(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1: " + max);
            }
            this.maxConcurrency = max;
            return this;
        }

        /** What the model is told about unexpected exceptions; default: their own message. */
        public Builder errorRedactor(ErrorRedactor redactor) {
            this.errorRedactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /** Receives every call's lifecycle events; default none. */
        public Builder listener(DispatchListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The live session's id, passed to tools through {@code ToolContext.sessionId()}; default empty. */
        public Builder sessionId(String sessionId) {
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
            return this;
        }

        /**
         * The Jakarta validator to check arguments with, e.g. one whose constraint validators come from a DI
         * container. Default: one Hibernate Validator shared by all dispatchers of the JVM, created on first use.
         */
        public Builder validator(Validator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * Runs tool methods on {@code executor} instead of the dispatcher's own threads, e.g. to carry a security or
         * logging context. Deadlines and cancellation still interrupt the thread running the call. The dispatcher
         * never shuts it down.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Resolves every tool once: method handles, argument binders, validation metadata.
         *
         * @throws ToolDiscoveryException naming every tool that cannot be dispatched, e.g. a static method with
         *                                constraints (Jakarta Validation would silently ignore them)
         */
        public ToolDispatcher build() {
            EngineSettings settings = new EngineSettings(defaultTimeout, responseMode, maxConcurrency, errorRedactor,
                    listener, sessionId, validator, executor);
            return new ToolDispatcher(catalog, DispatchEngine.create(catalog, settings));
        }
    }
}
