package dev.livetools.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import dev.livetools.sdk.ToolResult;
import dev.livetools.tool.HostedTool;
import dev.livetools.tool.InvalidArgumentsException;
import dev.livetools.tool.InvalidResultException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code @LiveTool} method as a {@link HostedTool}: everything a call needs, resolved once at catalog build (the
 * Retrofit {@code ServiceMethod} idea): the descriptor, a binder per argument, the validation plan and a method
 * handle. A call does no reflection lookups, no schema work and no validator metadata work.
 */
final class MethodTool implements HostedTool {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");
    /** What a {@code void} tool answers: never an empty response (protocol Gotcha 3). */
    private static final ToolResult DONE = ToolResult.of("ok");

    private final ToolDescriptor tool;
    private final MethodHandle handle;
    private final ArgumentBinder binder;
    private final ValidationPlan validation;
    private final boolean acknowledgesNull;
    /** The plugin's class loader, made the context class loader during calls; {@code null} for classpath tools. */
    private final ClassLoader pluginLoader;

    private MethodTool(ToolDescriptor tool, MethodHandle handle, ArgumentBinder binder, ValidationPlan validation) {
        this.tool = tool;
        ClassLoader own = tool.method().getDeclaringClass().getClassLoader();
        this.pluginLoader = own instanceof java.net.URLClassLoader && own.getParent() instanceof SharedApiClassLoader
                ? own : null;
        this.handle = handle;
        this.binder = binder;
        this.validation = validation;
        this.acknowledgesNull = tool.method().getReturnType() == void.class || tool.resultType() == Void.class;
    }

    /** Resolves {@code tool}, or adds the reasons it cannot be called to {@code problems} and returns {@code null}. */
    static MethodTool create(ToolDescriptor tool, ValidationPlan.Choice validator, Problems problems) {
        MethodHandle handle = handle(tool, problems);
        ArgumentBinder binder = ArgumentBinder.create(tool, problems);
        ValidationPlan validation = ValidationPlan.create(tool, validator, problems);
        if (handle == null || binder == null || validation == null) {
            return null;
        }
        return new MethodTool(tool, handle, binder, validation);
    }

    private static MethodHandle handle(ToolDescriptor tool, Problems problems) {
        Method method = tool.method();
        try {
            MethodHandle handle = MethodHandles.publicLookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(tool.target());
            }
            return handle.asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            problems.add(tool.signature() + ": cannot be called (" + e.getMessage() + ")");
            return null;
        }
    }

    ToolDescriptor descriptor() {
        return tool;
    }

    @Override
    public FunctionDeclaration declaration() {
        return tool.declaration();
    }

    @Override
    public Optional<Duration> timeout() {
        return tool.declaredTimeout();
    }

    @Override
    public Scheduling scheduling() {
        return tool.scheduling();
    }

    @Override
    public String origin() {
        return tool.origin();
    }

    @Override
    public String signature() {
        return tool.signature();
    }

    @Override
    public Object call(ObjectNode args, ToolContext context) throws Exception {
        if (pluginLoader == null) {
            return run(args, context);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            return run(args, context);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Object run(ObjectNode args, ToolContext context) throws Exception {
        Violations violations = new Violations();
        Object[] values = binder.bind(args, context, violations);
        validation.validateParameters(tool.target(), values, binder, violations);
        if (!violations.isEmpty()) {
            throw new InvalidArgumentsException(violations.sorted());
        }
        if (context.isCancelled()) {
            throw new CancellationException(context.callId() + " was cancelled before it started");
        }
        Object result = invoke(values);
        if (tool.async()) {
            if (result == null) {
                throw new IllegalStateException(tool.name() + " returned null instead of a future");
            }
            return acknowledgesNull ? acknowledged((CompletionStage<?>) result) : result;
        }
        List<Violation> invalid = validation.validateResult(tool.target(), result, binder);
        if (!invalid.isEmpty()) {
            LOG.warn("{} returned a result violating its constraints: {}", tool.signature(), invalid);
            throw new InvalidResultException(invalid.stream().map(Violation::toArgumentViolation).toList());
        }
        return result == null && acknowledgesNull ? DONE : result;
    }

    /**
     * A {@code CompletionStage<Void>} answers "ok" when it completes; cancelling the returned stage (as the
     * dispatcher does on cancellation) cancels the tool's own.
     */
    private static CompletionStage<Object> acknowledged(CompletionStage<?> stage) {
        CompletableFuture<?> own = stage.toCompletableFuture();
        CompletableFuture<Object> done = own.thenApply(v -> v == null ? DONE : v);
        done.whenComplete((v, e) -> {
            if (e instanceof CancellationException) {
                own.cancel(true);
            }
        });
        return done;
    }

    /** Calls the method; whatever it throws comes out unchanged. */
    private Object invoke(Object[] values) throws Exception {
        try {
            return (Object) handle.invokeExact(values);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(tool.signature() + " threw " + t, t);
        }
    }

    /** Whether valid calls skip Hibernate Validator (see {@link ParameterCheck}); for tests. */
    boolean precompiledParameterCheck() {
        return validation.precompiled();
    }

    /** Whether Hibernate Validator checks anything of this tool. */
    boolean validates() {
        return validation != ValidationPlan.NONE;
    }

    /** Whether the warm-up may validate placeholder arguments: there are constraints, all built-in. */
    boolean validatesParameters() {
        return validation.warmsUp();
    }

    /** See {@link ValidationPlan#warmUp}. */
    void warmUpValidation() {
        validation.warmUp(tool.target(), binder.placeholders());
    }

    /** Resolves Jackson's serializer for the declared result type, which the first result would otherwise build. */
    void warmUpResultType() {
        Type type = tool.resultType();
        if (type == Object.class || type == void.class || type == Void.class) {
            return;
        }
        try {
            var mapper = ToolJson.mapper();
            mapper.getSerializerProviderInstance().findValueSerializer(mapper.constructType(type));
        } catch (Exception e) {
            // The first result of this tool resolves it (and reports what is wrong, if anything is).
        }
    }
}
