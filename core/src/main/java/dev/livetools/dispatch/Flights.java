package dev.livetools.dispatch.internal;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.catalog.ToolDescriptor;
import dev.livetools.catalog.ToolDiscoveryException;
import dev.livetools.dispatch.CallEvent;
import dev.livetools.dispatch.ErrorType;
import dev.livetools.dispatch.ResponseMode;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The machinery behind {@code ToolDispatcher}; see there for the behaviour. */
public final class DispatchEngine {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");
    private static final int REMEMBERED_IDS = 4096;

    private final Map<String, ToolInvoker> invokers;
    private final List<String> toolNames;
    private final EngineSettings settings;
    private final boolean batched;
    private final boolean listening;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final ConcurrentHashMap<String, Call> active = new ConcurrentHashMap<>();
    private final DeadlineWatch deadlines = new DeadlineWatch(active.values());
    private final RecentIds recentIds = new RecentIds(REMEMBERED_IDS);
    private final AtomicLong generatedIds = new AtomicLong();
    private final boolean virtualThreads;
    private volatile boolean closed;
    private volatile CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);

    private DispatchEngine(Map<String, ToolInvoker> invokers, List<String> toolNames, EngineSettings settings) {
        this.invokers = invokers;
        this.toolNames = toolNames;
        this.settings = settings;
        this.batched = settings.responseMode() == ResponseMode.BATCHED;
        this.listening = settings.listener() != null;
        if (settings.executor() != null) {
            this.executor = settings.executor();
            this.ownedExecutor = null;
            this.virtualThreads = false;
        } else {
            ExecutorService virtual = ToolThreads.virtualPerCall();
            this.virtualThreads = virtual != null;
            this.ownedExecutor = virtual != null ? virtual : ToolThreads.boundedPool(settings.maxConcurrency());
            // Virtual threads are unbounded; the pool on 17 bounds itself (and queues FIFO).
            this.executor = virtual != null ? new FifoLimiter(virtual, settings.maxConcurrency()) : ownedExecutor;
        }
    }

    /**
     * Resolves every tool of {@code catalog} once.
     *
     * @throws ToolDiscoveryException naming every tool that cannot be dispatched
     */
    public static DispatchEngine create(ToolCatalog catalog, EngineSettings settings) {
        Objects.requireNonNull(catalog, "catalog");
        Validator validator = settings.validator() != null ? settings.validator() : SharedValidation.validator();
        Map<String, ToolInvoker> invokers = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ToolDescriptor tool : catalog.tools()) {
            ToolInvoker invoker = ToolInvoker.create(tool, validator, settings.validator() == null, problems);
            if (invoker != null) {
                invokers.put(tool.name(), invoker);
            }
        }
        if (!problems.isEmpty()) {
            throw new ToolDiscoveryException(problems);
        }
        DispatchEngine engine = new DispatchEngine(invokers, List.copyOf(catalog.names()), settings);
        engine.warmUp = WarmUp.start(List.copyOf(invokers.values()), validator, settings.validator() == null);
        return engine;
    }

    /** Completes when the background warm-up begun by {@link #create} is over; calls never wait for it. */
    public CompletableFuture<Void> warmUp() {
        return warmUp;
    }

    public boolean usesVirtualThreads() {
        return virtualThreads;
    }

    /** Whether call durations are needed (only for listener events): saves two clock reads per call otherwise. */
    boolean timing() {
        return listening;
    }

    String sessionId() {
        return settings.sessionId();
    }

    public CompletableFuture<Void> dispatch(ToolCall message, ResponseSink sink) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sink, "sink");
        List<FunctionCall> fresh = new ArrayList<>(message.functionCalls().size());
        for (FunctionCall fc : message.functionCalls()) {
            if (fc.id() == null || recentIds.firstSighting(fc.id())) {
                fresh.add(fc);
            } else {
                LOG.debug("Ignoring a second delivery of call {} ({})", fc.id(), fc.name());
                if (listening) {
                    event(new CallEvent(CallEvent.Kind.DUPLICATE, fc.id(), fc.name(), sessionId(), Duration.ZERO,
                            Duration.ZERO, null));
                }
            }
        }
        if (fresh.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CallGroup group = new CallGroup(this, sink, batched, fresh.size());
        Call[] calls = new Call[fresh.size()];
        for (int i = 0; i < calls.length; i++) {
            FunctionCall fc = fresh.get(i);
            ToolInvoker invoker = invokers.get(fc.name());
            String callId = fc.id() != null ? fc.id() : "livetools-" + generatedIds.incrementAndGet();
            Duration timeout = invoker == null ? settings.defaultTimeout()
                    : invoker.tool().declaredTimeout().orElse(settings.defaultTimeout());
            calls[i] = new Call(this, group, fc.id(), callId, fc.name(), fc.args(), invoker, timeout);
            active.put(callId, calls[i]);
            deadlines.arrived();
            report(calls[i], CallEvent.Kind.QUEUED, null);
        }
        group.calls(calls);
        for (Call call : calls) {
            launch(call);
        }
        return group.done();
    }

    private void launch(Call call) {
        if (closed) {
            call.answer(Payloads.unavailable("the tool host is shutting down"), null, ErrorType.UNAVAILABLE);
            return;
        }
        if (call.invoker == null) {
            call.answer(Payloads.unknownTool(call.name, toolNames), null, ErrorType.UNKNOWN_TOOL);
            return;
        }
        try {
            executor.execute(() -> run(call));
        } catch (RejectedExecutionException e) {
            call.answer(Payloads.unavailable("the tool host is shutting down"), null, ErrorType.UNAVAILABLE);
        }
    }

    private void run(Call call) {
        if (!call.start()) {
            return;
        }
        try {
            execute(call);
        } catch (Throwable t) {
            failed(call, t);
        } finally {
            call.detach();
            // An interrupt aimed at this call may have landed after the method returned; the thread moves on clean.
            Thread.interrupted();
        }
    }

    private void execute(Call call) throws Throwable {
        ToolInvoker invoker = call.invoker;
        Violations violations = new Violations();
        Object[] values = invoker.bind(call.args, call, violations);
        invoker.validateParameters(values, violations);
        if (!violations.isEmpty()) {
            call.answer(Payloads.invalidArguments(call.name, violations.sorted()), null, ErrorType.INVALID_ARGUMENT);
            return;
        }
        if (call.isCancelled()) {
            return;
        }
        Object result;
        try {
            result = invoker.invoke(values);
        } catch (Throwable t) {
            failed(call, t);
            return;
        }
        if (invoker.tool().async()) {
            awaitAsync(call, result);
        } else {
            succeeded(call, result);
        }
    }

    private void awaitAsync(Call call, Object result) {
        if (!(result instanceof CompletionStage<?> stage)) {
            call.answer(Payloads.internal(call.name + " returned null instead of a future"), null,
                    ErrorType.INTERNAL);
            return;
        }
        call.onCancel(() -> {
            try {
                stage.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException ignored) {
                // A stage that cannot be cancelled finishes on its own; its result is then suppressed.
            }
        });
        stage.whenComplete((value, error) -> {
            if (error != null) {
                failed(call, error);
            } else {
                succeeded(call, value);
            }
        });
    }

    private void succeeded(Call call, Object result) {
        ToolInvoker invoker = call.invoker;
        try {
            List<Violation> invalid = invoker.validateResult(result);
            if (!invalid.isEmpty()) {
                LOG.warn("{} returned a result violating its constraints: {}", invoker.tool().signature(), invalid);
                call.answer(Payloads.invalidResult(call.name, invalid), null, ErrorType.INTERNAL);
                return;
            }
            Object value = result;
            Scheduling scheduling = null;
            if (value instanceof ToolResult r) {
                value = r.value();
                scheduling = r.scheduling().orElse(null);
            }
            call.answer(value == null && invoker.acknowledgesNull() ? Payloads.acknowledgement()
                    : Payloads.output(value), scheduling, null);
        } catch (RuntimeException e) {
            LOG.warn("{} returned a result that cannot be written as JSON", invoker.tool().signature(), e);
            call.answer(Payloads.internal(call.name + " returned a result that cannot be sent as JSON ("
                    + e.getClass().getSimpleName() + ")"), null, ErrorType.INTERNAL);
        }
    }

    private void failed(Call call, Throwable thrown) {
        if (call.isCancelled()) {
            // Interrupted by cancellation or its deadline; that answer (or silence) stands.
            return;
        }
        Throwable error = unwrap(thrown);
        if (error instanceof ToolException te) {
            call.answer(Payloads.toolError(te), null, ErrorType.TOOL_ERROR);
            return;
        }
        String where = call.invoker != null ? call.invoker.tool().signature() : call.name;
        LOG.warn("{} failed on call {}", where, call.callId, error);
        String message;
        try {
            message = settings.redactor().redact(call.name, error);
        } catch (RuntimeException e) {
            LOG.warn("The error redactor failed; sending no message", e);
            message = null;
        }
        call.answer(Payloads.internal(error, message), null, ErrorType.INTERNAL);
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

    public Set<String> cancel(Collection<String> ids) {
        Set<String> cancelled = new LinkedHashSet<>();
        for (String id : ids) {
            Call call = id == null ? null : active.get(id);
            if (call != null && call.cancel()) {
                cancelled.add(id);
            }
        }
        return cancelled;
    }

    public void close() {
        closed = true;
        for (Call call : active.values()) {
            call.cancel();
        }
        deadlines.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    // ---- called by Call and CallGroup ----

    void deliver(ResponseSink sink, ToolResponse response) {
        try {
            sink.send(response);
        } catch (RuntimeException e) {
            LOG.error("The response sink failed to take a toolResponse for {}", response.functionResponses().get(0)
                    .name(), e);
        }
    }

    void retire(Call call, ErrorType error) {
        active.remove(call.callId, call);
        report(call, error == null ? CallEvent.Kind.FINISHED : CallEvent.Kind.FAILED, error);
    }

    void retireCancelled(Call call) {
        active.remove(call.callId, call);
        report(call, CallEvent.Kind.CANCELLED, null);
    }

    void runCancelAction(Call call, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("A cancellation callback of {} failed", call, e);
        }
    }

    void report(Call call, CallEvent.Kind kind, ErrorType error) {
        if (!listening) {
            return;
        }
        Duration waited = kind == CallEvent.Kind.QUEUED ? Duration.ZERO : call.waited();
        Duration ran = kind == CallEvent.Kind.QUEUED || kind == CallEvent.Kind.STARTED ? Duration.ZERO : call.ran();
        event(new CallEvent(kind, call.callId, call.name, sessionId(), waited, ran, error));
    }

    private void event(CallEvent event) {
        try {
            settings.listener().onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("The dispatch listener failed on {}", event, e);
        }
    }
}
