package dev.livetools.catalog;

import dev.livetools.sdk.Scheduling;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.Method;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one-time costs off the first call. Measured in {@code livetools demo}: the first call of a tool spent tens of
 * milliseconds in work every later call finds done: Jackson building its serializers for the first result, Hibernate
 * Validator initialising the constraint validators of the method and, on the first violation, loading its message
 * bundle and interpolating. Here that work runs on a daemon thread when the first dispatcher over a catalog is built, while the
 * session handshake runs, so {@code build()} itself is not slower.
 *
 * <p>Nothing here calls a tool or user code: parameters are validated with placeholder values only when every
 * constraint on them is a built-in one (a custom validator might have side effects), and results are not produced
 * but only their declared types resolved. A call that arrives during the warm-up is simply correct: Jackson and
 * Hibernate Validator are thread-safe and the warm-up only fills their caches earlier.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger("dev.livetools.dispatch");
    private static final AtomicLong THREADS = new AtomicLong();
    /** Jackson's and the payload builders' classes: once per JVM. */
    private static final AtomicBoolean JSON_DONE = new AtomicBoolean();
    /**
     * The shared validator's caches are per JVM: each method is warmed once, whatever the number of dispatchers. Weak,
     * so that a plugin's class loader can go away with its catalog.
     */
    private static final Set<Method> SHARED_VALIDATOR_DONE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));
    private static final AtomicBoolean SHARED_MESSAGES_DONE = new AtomicBoolean();

    private WarmUp() {
    }

    /**
     * Starts the warm-up for {@code invokers}, or does nothing when everything is warm already.
     *
     * @param choice the catalog's validator; the JVM-wide one's caches outlive the catalog
     * @return completes when the warm-up is over (successfully or not: it only ever saves time)
     */
    static CompletableFuture<Void> start(List<MethodTool> invokers, ValidationPlan.Choice choice) {
        boolean shared = choice.shared();
        List<MethodTool> tools = new ArrayList<>();
        for (MethodTool invoker : invokers) {
            if (invoker.validatesParameters() && (!shared || SHARED_VALIDATOR_DONE.add(invoker.descriptor().method()))) {
                tools.add(invoker);
            }
        }
        boolean json = JSON_DONE.compareAndSet(false, true);
        // Tools without constraints never meet the validator: its bootstrap is not paid for them.
        boolean validates = invokers.stream().anyMatch(MethodTool::validates);
        boolean messages = validates && (!shared || SHARED_MESSAGES_DONE.compareAndSet(false, true));
        if (!json && !messages && tools.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                if (json) {
                    json(invokers);
                }
                if (messages) {
                    messages(choice.validator());
                }
                for (MethodTool tool : tools) {
                    tool.warmUpValidation();
                }
            } catch (Throwable t) {
                // Only time is at stake: the first call does this work itself.
                LOG.debug("Warm-up of the dispatcher stopped early", t);
            } finally {
                done.complete(null);
            }
        }, "livetools-warmup-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return done;
    }

    /** Jackson's serializer machinery and the shapes of answers, as a first result and a first error build them. */
    private static void json(List<MethodTool> invokers) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "a");
        map.put("list", List.of(new Sample("s", 1, 2L, 0.5, true, LocalTime.NOON, Scheduling.SILENT,
                Optional.of("o"), List.of("x"), Map.of("k", 1))));
        ToolJson.json(map);
        ToolJson.json(new Sample("s", 1, 2L, 0.5, false, LocalTime.MIDNIGHT, Scheduling.WHEN_IDLE,
                Optional.empty(), List.of(), Map.of()));
        Violations violations = new Violations();
        violations.add(new Violation(1, "b", "Max", "must be less than or equal to 100", ToolJson.jsonOrText(150)));
        violations.add(new Violation(0, "a", Violation.REQUIRED, "is required", null));
        ToolJson.json(violations.sorted());
        for (MethodTool invoker : invokers) {
            invoker.warmUpResultType();
        }
    }

    /** The validator's message bundle and interpolation, which the first violation of any tool would pay for. */
    private static void messages(Validator validator) {
        validator.validate(new Constrained(" ", 1));
    }

    /** A value with the shapes results commonly have. */
    record Sample(String s, int i, long l, double d, boolean b, LocalTime t, Scheduling e, Optional<String> o,
                  List<String> list, Map<String, Integer> map) {
    }

    /** Violates two common constraints, one message with a parameter. */
    record Constrained(@NotBlank String name, @Max(0) int level) {
    }
}
