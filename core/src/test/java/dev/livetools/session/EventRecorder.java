package dev.livetools.session;

import dev.livetools.dispatch.CallEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects a session's events and waits for them. */
final class EventRecorder implements LiveSessionListener {

    private final List<SessionEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(SessionEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<SessionEvent> all() {
        return List.copyOf(events);
    }

    <T extends SessionEvent> List<T> ofType(Class<T> type) {
        return all().stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<SessionEvent.ToolCall> tool(CallEvent.Kind stage) {
        return ofType(SessionEvent.ToolCall.class).stream().filter(e -> e.stage() == stage).toList();
    }

    synchronized SessionEvent await(Predicate<SessionEvent> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SessionEvent e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for an event; got " + events);
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    <T extends SessionEvent> T await(Class<T> type, Predicate<T> match) throws InterruptedException {
        return type.cast(await(e -> type.isInstance(e) && match.test(type.cast(e)), SessionTestSupport.WAIT));
    }

    SessionEvent.ToolCall awaitTool(CallEvent.Kind stage, String id) throws InterruptedException {
        return await(SessionEvent.ToolCall.class, e -> e.stage() == stage && java.util.Objects.equals(e.callId(), id));
    }

    SessionEvent.Connection awaitState(ConnectionState state) throws InterruptedException {
        return await(SessionEvent.Connection.class, e -> e.state() == state);
    }
}
