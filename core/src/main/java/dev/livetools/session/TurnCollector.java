package dev.livetools.session;

import dev.livetools.protocol.UsageMetadata;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Sends user turns one at a time and gathers the model's answer to each from the session's events (text, transcript,
 * tool calls, usage) until {@code turnComplete}. A turn waits for the previous one to complete before it is sent,
 * because a new {@code clientContent} would interrupt the answer still being generated. Runs as the first listener
 * on the event thread, so it sees events in order.
 */
final class TurnCollector implements LiveSessionListener {

    private record Pending(String text, CompletableFuture<ModelTurn> result) {
    }

    private final Consumer<String> send;
    // guarded by this
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private Pending current;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder transcript = new StringBuilder();
    private final Map<String, SessionEvent.ToolCall> calls = new LinkedHashMap<>();
    private UsageMetadata usage;
    private boolean interrupted;
    private boolean ended;

    public TurnCollector(Consumer<String> send) {
        this.send = send;
    }

    /** Queues a user turn; the future completes with the model's turn, or fails when the session ends first. */
    public CompletableFuture<ModelTurn> submit(String userText) {
        Pending p = new Pending(userText, new CompletableFuture<>());
        boolean sendNow;
        synchronized (this) {
            if (ended) {
                p.result.completeExceptionally(new LiveSessionException("the session is closed",
                        LiveSessionException.NO_CLOSE_CODE, ""));
                return p.result;
            }
            waiting.addLast(p);
            sendNow = current == null;
            if (sendNow) {
                begin();
            }
        }
        if (sendNow) {
            sendSafely(p);
        }
        return p.result;
    }

    @Override
    public void onEvent(SessionEvent event) {
        Pending next = null;
        synchronized (this) {
            if (current == null) {
                return;
            }
            if (event instanceof SessionEvent.Text t && !t.thought()) {
                text.append(t.text());
            } else if (event instanceof SessionEvent.Transcript t && t.direction() == SessionEvent.Direction.OUTPUT) {
                transcript.append(t.text());
            } else if (event instanceof SessionEvent.ToolCall c) {
                calls.put(c.callId() != null ? c.callId() : c.name() + "#" + calls.size(), c);
            } else if (event instanceof SessionEvent.Usage u) {
                usage = u.usage();
            } else if (event instanceof SessionEvent.Interrupted) {
                interrupted = true;
            } else if (event instanceof SessionEvent.TurnComplete done) {
                ModelTurn turn = new ModelTurn(text.toString(), transcript.toString(), new ArrayList<>(calls.values()),
                        usage, interrupted, done.reason());
                current.result.complete(turn);
                current = null;
                if (!waiting.isEmpty()) {
                    begin();
                    next = current;
                }
            } else if (event instanceof SessionEvent.Connection c && c.state() == dev.livetools.session.ConnectionState.CLOSED) {
                end(c.detail());
            }
        }
        if (next != null) {
            sendSafely(next);
        }
    }

    /** The session ended: every turn still waiting fails. */
    public synchronized void end(String why) {
        ended = true;
        LiveSessionException failure = new LiveSessionException("the session ended before the model completed its "
                + "turn: " + why, LiveSessionException.NO_CLOSE_CODE, "");
        if (current != null) {
            current.result.completeExceptionally(failure);
            current = null;
        }
        waiting.forEach(p -> p.result.completeExceptionally(failure));
        waiting.clear();
    }

    /** Guarded by this: the head of the queue becomes the turn in progress. */
    private void begin() {
        current = waiting.removeFirst();
        text.setLength(0);
        transcript.setLength(0);
        calls.clear();
        usage = null;
        interrupted = false;
    }

    private void sendSafely(Pending p) {
        try {
            send.accept(p.text);
        } catch (RuntimeException e) {
            synchronized (this) {
                if (current == p) {
                    current = null;
                }
            }
            p.result.completeExceptionally(e);
        }
    }
}
