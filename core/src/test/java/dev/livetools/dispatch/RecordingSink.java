package dev.livetools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A sink that records every toolResponse message, and lets a test wait for them. */
final class RecordingSink implements ResponseSink {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<ToolResponse> messages = new ArrayList<>();
    private final List<Long> arrivalNanos = new ArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    @Override
    public void send(ToolResponse response) {
        lock.lock();
        try {
            messages.add(response);
            arrivalNanos.add(System.nanoTime());
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void started(String callId) {
        started.add(callId);
    }

    /** The ids of the calls whose method began running, in that order. */
    List<String> started() {
        return List.copyOf(started);
    }

    /** Every toolResponse message so far. */
    List<ToolResponse> messages() {
        lock.lock();
        try {
            return List.copyOf(messages);
        } finally {
            lock.unlock();
        }
    }

    /** Every function response so far, in arrival order. */
    List<FunctionResponse> responses() {
        List<FunctionResponse> all = new ArrayList<>();
        for (ToolResponse m : messages()) {
            all.addAll(m.functionResponses());
        }
        return all;
    }

    /** The function responses for {@code id}, in arrival order. */
    List<FunctionResponse> responsesFor(String id) {
        return responses().stream().filter(r -> id.equals(r.id())).toList();
    }

    /** Waits until at least {@code count} function responses have arrived and returns them all. */
    List<FunctionResponse> await(int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        lock.lock();
        try {
            while (countLocked() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
        List<FunctionResponse> all = responses();
        assertThat(all).as("responses after %s", within).hasSizeGreaterThanOrEqualTo(count);
        return all;
    }

    /** Waits for the single response to {@code id}. */
    FunctionResponse awaitOne(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        lock.lock();
        try {
            while (responsesForLocked(id) == 0 && System.nanoTime() < deadline) {
                arrived.await(10, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
        List<FunctionResponse> found = responsesFor(id);
        assertThat(found).as("responses to %s", id).hasSize(1);
        return found.get(0);
    }

    private int countLocked() {
        int n = 0;
        for (ToolResponse m : messages) {
            n += m.functionResponses().size();
        }
        return n;
    }

    private int responsesForLocked(String id) {
        int n = 0;
        for (ToolResponse m : messages) {
            for (FunctionResponse r : m.functionResponses()) {
                if (id.equals(r.id())) {
                    n++;
                }
            }
        }
        return n;
    }
}
