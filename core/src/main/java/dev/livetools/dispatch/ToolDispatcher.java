package dev.livetools.dispatch;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.ToolCall;
import dev.livetools.tool.HostedTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

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
 *       any other exception only its class and a correlation id into the host's log (what else, the
 *       {@link ErrorRedactor} decides), a missed deadline {@code DEADLINE_EXCEEDED}.</li>
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
 * <p>Every tool of the catalog runs the same way, whatever its source ({@code @LiveTool} methods, tools built in
 * code): the catalog has resolved each one once, and the dispatcher runs what it accepted, without looking at it
 * again. A call goes one way: the dispatcher starts it, the tool produces one outcome, the call answers it once.
 * Thread-safe.
 */
public final class ToolDispatcher implements ToolRunner {

    private static final int REMEMBERED_IDS = 4096;
    /** 1 MiB: far above a useful answer, far below the frame sizes the service and the session accept. */
    static final long DEFAULT_MAX_RESULT_BYTES = 1L << 20;

    private final ToolCatalog catalog;
    private final Map<String, RoutedTool> routes;
    private final List<String> toolNames;
    private final Duration defaultTimeout;
    private final boolean batched;
    private final InFlight flights;
    private final CallThreads threads;
    private final Execution execution;
    private final RecentIds recentIds = new RecentIds(REMEMBERED_IDS);
    private final AtomicLong generatedIds = new AtomicLong();
    private final CompletableFuture<Void> warmUp;
    private volatile boolean closed;

    private ToolDispatcher(Builder b) {
        this.catalog = b.catalog;
        Map<String, RoutedTool> map = new HashMap<>();
        for (HostedTool tool : catalog.tools()) {
            RoutedTool route = RoutedTool.of(tool, b.defaultTimeout);
            map.put(route.name(), route);
        }
        this.routes = map;
        this.toolNames = List.copyOf(catalog.names());
        this.defaultTimeout = b.defaultTimeout;
        this.batched = b.responseMode == ResponseMode.BATCHED;
        this.flights = new InFlight(b.listener, b.sessionId, b.maxResultBytes);
        this.threads = CallThreads.create(b.executor, b.maxConcurrency);
        this.execution = new Execution(b.errorRedactor, b.maxResultBytes);
        this.warmUp = catalog.warmUp();
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
        return threads.virtual();
    }

    /**
     * Completes when the catalog's background warm-up ({@link ToolCatalog#warmUp()}, started when the dispatcher is
     * built) is over: the one-time work the first call would otherwise pay for (Jackson serializers, the validator's
     * constraint validators and message bundle); it never runs a tool or a custom constraint validator. Calls need
     * not wait for it: one that arrives meanwhile is answered exactly the same, only a little later.
     *
     * @return a stage that completes normally, even if some warm-up work failed
     */
    public CompletionStage<Void> warmUp() {
        return warmUp.copy();
    }

    @Override
    public CompletableFuture<Void> dispatch(ToolCall message, ResponseSink sink) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sink, "sink");
        List<FunctionCall> fresh = new ArrayList<>(message.functionCalls().size());
        for (FunctionCall fc : message.functionCalls()) {
            if (fc.id() == null || sink.deduplicatesCalls() || recentIds.firstSighting(fc.id())) {
                fresh.add(fc);
            } else {
                flights.duplicate(fc);
            }
        }
        if (fresh.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CallGroup group = new CallGroup(flights, sink, batched, fresh.size());
        Call[] calls = new Call[fresh.size()];
        for (int i = 0; i < calls.length; i++) {
            FunctionCall fc = fresh.get(i);
            RoutedTool route = routes.get(fc.name());
            String callId = fc.id() != null ? fc.id() : "livetools-" + generatedIds.incrementAndGet();
            calls[i] = new Call(group, fc.id(), callId, fc.name(), fc.args(), route,
                    route == null ? defaultTimeout : route.timeout());
            flights.add(calls[i]);
        }
        group.calls(calls);
        for (Call call : calls) {
            launch(call);
        }
        return group.done();
    }

    private void launch(Call call) {
        if (closed) {
            call.complete(Outcome.failure(Payloads.unavailable("the tool host is shutting down"),
                    ErrorType.UNAVAILABLE));
            return;
        }
        if (call.route == null) {
            call.complete(Outcome.failure(Payloads.unknownTool(call.name, toolNames), ErrorType.UNKNOWN_TOOL));
            return;
        }
        try {
            threads.execute(slot -> execution.run(call, slot));
        } catch (RejectedExecutionException e) {
            call.complete(Outcome.failure(Payloads.unavailable("the tool host is shutting down"),
                    ErrorType.UNAVAILABLE));
        }
    }

    @Override
    public Set<String> cancel(Collection<String> ids) {
        return flights.cancel(Objects.requireNonNull(ids, "ids"));
    }

    /** Cancels every call still running or queued (without answering them) and stops the dispatcher's threads. */
    @Override
    public void close() {
        closed = true;
        flights.close();
        threads.shutdown();
    }

    /** Configures a {@link ToolDispatcher}. */
    public static final class Builder {

        private final ToolCatalog catalog;
        private Duration defaultTimeout = Duration.ofSeconds(30);
        private ResponseMode responseMode = ResponseMode.ONE_BY_ONE;
        private int maxConcurrency = 64;
        private long maxResultBytes = DEFAULT_MAX_RESULT_BYTES;
        private ErrorRedactor errorRedactor = ErrorRedactor.classNameOnly();
        private DispatchListener listener;
        private String sessionId = "";
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

        /**
         * The largest result a tool may return, in bytes of JSON; a bigger one is answered {@code TOOL_ERROR} naming
         * its size and the limit, instead of a frame the service would refuse, ending the session and every call in
         * it. Default 1 MiB. Partial results of NON_BLOCKING tools have the same limit.
         */
        public Builder maxResultBytes(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxResultBytes must be at least 1: " + max);
            }
            this.maxResultBytes = max;
            return this;
        }

        /**
         * What the model is told about unexpected exceptions; default: their class name and the correlation id under
         * which the host logged them, never their text.
         */
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
         * Runs tool methods on {@code executor} instead of the dispatcher's own threads, e.g. to carry a security or
         * logging context. Deadlines and cancellation still interrupt the thread running the call. The dispatcher
         * never shuts it down.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The dispatcher. Cheap: every tool was resolved when the catalog was built, and nothing here can refuse a
         * tool the catalog accepted.
         */
        public ToolDispatcher build() {
            return new ToolDispatcher(this);
        }
    }
}
