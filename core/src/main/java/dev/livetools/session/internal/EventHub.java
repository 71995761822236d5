package dev.livetools.session.internal;

import dev.livetools.session.LiveSessionListener;
import dev.livetools.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers session events in order on one event thread, to listeners and to {@link Flow} subscribers. Emitting never
 * blocks the caller (the socket read thread): a subscriber that falls more than its buffer behind loses events, with a
 * warning, rather than stalling the connection.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int SUBSCRIBER_BUFFER = 4096;

    private final ExecutorService thread;
    private volatile Thread eventThread;
    private final SubmissionPublisher<SessionEvent> publisher;
    private final List<LiveSessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    public EventHub(String name) {
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            eventThread = t;
            return t;
        });
        // Subscribers get their own thread, one that retires when idle: the publisher still needs it to deliver
        // onComplete after the event thread has stopped.
        ThreadPoolExecutor subscriberThread = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-subscribers");
                    t.setDaemon(true);
                    return t;
                });
        this.publisher = new SubmissionPublisher<>(subscriberThread, SUBSCRIBER_BUFFER);
    }

    public void addListener(LiveSessionListener listener) {
        listeners.add(listener);
    }

    public Flow.Publisher<SessionEvent> publisher() {
        return publisher;
    }

    /**
     * Queues an event. Events are queued in the order of these calls (the session makes them under its lock, so the
     * order is causal) and delivered in that order, whatever thread wakes the event thread.
     */
    public void emit(SessionEvent event) {
        if (listeners.isEmpty() && !publisher.hasSubscribers()) {
            return; // nobody to tell: do not wake the event thread
        }
        queue.add(event);
        Batch batch = batches.get();
        if (batch == null) {
            wake();
        } else {
            batch.pending = true;
        }
    }

    /**
     * Holds back waking the event thread until the matching {@link #endBatch()}: a frame's events then wake it once,
     * after the frame's work (such as writing a tool response) is done, instead of competing with that work for a
     * CPU. Batches nest; the outermost one wakes.
     */
    public void beginBatch() {
        Batch batch = batches.get();
        if (batch == null) {
            batches.set(batch = new Batch());
        }
        batch.depth++;
    }

    public void endBatch() {
        Batch batch = batches.get();
        if (batch == null || --batch.depth > 0) {
            return;
        }
        batches.remove();
        if (batch.pending) {
            wake();
        }
    }

    private static final class Batch {
        int depth;
        boolean pending;
    }

    private void wake() {
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("{} event(s) after close dropped", queue.size());
            }
        }
    }

    private void drain() {
        // Cleared first: an event queued while draining schedules another (possibly empty) drain, never none.
        drainScheduled.set(false);
        SessionEvent event;
        while ((event = queue.poll()) != null) {
            deliver(event);
        }
    }

    private void deliver(SessionEvent event) {
        for (LiveSessionListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("session listener {} failed on {}: {}", l.getClass().getName(),
                        event.getClass().getSimpleName(), e.toString());
            }
        }
        if (publisher.hasSubscribers()) {
            publisher.offer(event, (subscriber, dropped) -> {
                LOG.warn("a session event subscriber is {} events behind; dropped a {}", SUBSCRIBER_BUFFER,
                        dropped.getClass().getSimpleName());
                return false;
            });
        }
    }

    /** Delivers what is queued, then completes subscribers and stops the thread. */
    @Override
    public void close() {
        try {
            thread.execute(() -> {
                drain();
                publisher.close();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        if (Thread.currentThread() == eventThread) {
            return; // closed by a listener: the queue drains after it returns
        }
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
