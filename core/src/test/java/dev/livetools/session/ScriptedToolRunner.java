package dev.livetools.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ToolRunner} whose calls finish when the test says so (or at once, with {@link #answerAtOnce()}). Answers
 * {@code {"result": "<name>:<id>"}} from its own threads, like a real dispatcher.
 */
final class ScriptedToolRunner implements ToolRunner {

    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-tool");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, ResponseSink> sinks = new ConcurrentHashMap<>();
    private final List<String> cancelRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    private volatile boolean atOnce;
    private volatile boolean answerEvenIfCancelled;

    ScriptedToolRunner answerAtOnce() {
        this.atOnce = true;
        return this;
    }

    /** Misbehave: answer cancelled calls too, to show the session drops such answers. */
    ScriptedToolRunner answerEvenIfCancelled() {
        this.answerEvenIfCancelled = true;
        return this;
    }

    @Override
    public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (FunctionCall c : call.functionCalls()) {
            String key = c.id() == null ? c.name() : c.id();
            runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            sinks.put(key, sink);
            CompletableFuture<Void> gate = gates.computeIfAbsent(key, k -> new CompletableFuture<>());
            if (atOnce) {
                gate.complete(null);
            }
            done.add(gate.thenRunAsync(() -> {
                if (!cancelled.contains(key) || answerEvenIfCancelled) {
                    sink.send(ToolResponse.of(FunctionResponse.of(c.id(), c.name(),
                            JsonNodeFactory.instance.objectNode().put("result", c.name() + ":" + c.id()))));
                    answered.add(key);
                }
            }, threads));
        }
        return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
    }

    /** Lets call {@code id} finish. */
    void release(String id) {
        gates.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null);
    }

    /** Reports through the call's sink that its method began, as a dispatcher does. */
    void start(String id) {
        sinks.get(id).started(id);
    }

    /** Waits until call {@code id} was handed to this runner. */
    void awaitDispatched(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runs.containsKey(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + id + " was never dispatched; dispatched: " + runs.keySet());
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    /** Waits until this runner has handed its answer to call {@code id} to the session's sink. */
    void awaitAnswered(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!answered.contains(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("call " + id + " was never answered by the runner");
            }
            TimeUnit.MILLISECONDS.sleep(2);
        }
    }

    int runsOf(String id) {
        AtomicInteger n = runs.get(id);
        return n == null ? 0 : n.get();
    }

    List<String> cancelRequests() {
        return List.copyOf(cancelRequests);
    }

    @Override
    public Set<String> cancel(Collection<String> ids) {
        Set<String> hit = new HashSet<>();
        for (String id : ids) {
            cancelRequests.add(id);
            if (runs.containsKey(id) && cancelled.add(id)) {
                hit.add(id);
                gates.computeIfAbsent(id, k -> new CompletableFuture<>()).complete(null);
            }
        }
        return hit;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
