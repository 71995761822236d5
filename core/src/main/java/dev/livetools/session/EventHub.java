package dev.livetools.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers session events in order on one event thread, to listeners and to {@link Flow} subscribers.
 *
 * <p>Emitting never blocks the caller: events are emitted under the session lock, by tool threads as well as the
 * socket's read thread. The backlog of events not yet delivered is bounded instead by {@link #awaitBacklog()}, which
 * only the read thread calls, between frames and outside the lock: while listeners are more than
 * {@code maxBacklogBytes} (or {@code maxBacklogEvents}) behind, the session stops reading, and TCP flow control slows
 * the server down. No event is dropped for a listener. A {@link Flow} subscriber that falls more than its buffer
 * (4096 events) behind loses events, with a warning, rather than stalling the connection.
 */
final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int SUBSCRIBER_BUFFER = 4096;
    /** Default bounds of the undelivered backlog: room for seconds of audio, far below any heap. */
    public static final long DEFAULT_BACKLOG_BYTES = 16L << 20;
    public static final int DEFAULT_BACKLOG_EVENTS = 10_000;
    private static final long EVENT_THREAD_IDLE_SECONDS = 2;

    private final ExecutorService thread;
    private volatile Thread eventThread;
    private final SubmissionPublisher<SessionEvent> publisher;
    private final List<LiveSessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final long maxBacklogBytes;
    private final int maxBacklogEvents;
    private final AtomicLong backlogBytes = new AtomicLong();
    private final AtomicLong backlogEvents = new AtomicLong();
    private final Object roomMonitor = new Object();
    private volatile boolean closed;

    public EventHub(String name) {
        this(name, DEFAULT_BACKLOG_BYTES, DEFAULT_BACKLOG_EVENTS);
    }

    public EventHub(String name, long maxBacklogBytes, int maxBacklogEvents) {
        this.maxBacklogBytes = maxBacklogBytes;
        this.maxBacklogEvents = maxBacklogEvents;
        // One thread at a time, in order, and only while events flow: a quiet session keeps none (with 1,000
        // sessions a parked event thread each was 1,000 threads). A new one is made when events come again.
        ThreadPoolExecutor events = new ThreadPoolExecutor(1, 1, EVENT_THREAD_IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    eventThread = t;
                    return t;
                });
        events.allowCoreThreadTimeOut(true);
        this.thread = events;
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
        backlogBytes.addAndGet(weight(event));
        backlogEvents.incrementAndGet();
        enqueue(event);
    }

    /**
     * Completes once every event emitted before this call has been delivered to the listeners (at once when there
     * are none, when the hub is closed, whose close delivered what there was, or when called from the event thread
     * itself, which would otherwise wait for itself).
     */
    public CompletableFuture<Void> delivered() {
        if ((listeners.isEmpty() && !publisher.hasSubscribers()) || closed || Thread.currentThread() == eventThread) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> marker = new CompletableFuture<>();
        enqueue(marker);
        return marker;
    }

    /**
     * Waits while the listeners are further behind than the bounds allow. For the socket read thread only, between
     * frames and never under the session lock: everything it waits for is the event thread's progress.
     */
    public void awaitBacklog() {
        if (!overLimit() || Thread.currentThread() == eventThread) {
            return;
        }
        synchronized (roomMonitor) {
            while (overLimit() && !closed) {
                try {
                    roomMonitor.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The size of the undelivered backlog, in (estimated) bytes. */
    public long backlogBytes() {
        return backlogBytes.get();
    }

    private boolean overLimit() {
        return backlogBytes.get() > maxBacklogBytes || backlogEvents.get() > maxBacklogEvents;
    }

    private void enqueue(Object item) {
        queue.add(item);
        Batch batch = batches.get();
        if (batch == null) {
            wake();
        } else {
            batch.pending = true;
        }
    }

    /** What an event costs the heap while it waits, roughly: its payload plus a fixed overhead. */
    private static long weight(SessionEvent event) {
        if (event instanceof SessionEvent.Audio a) {
            return 64 + (a.chunk().data() == null ? 0 : a.chunk().data().length());
        }
        if (event instanceof SessionEvent.Text t) {
            return 64 + 2L * t.text().length();
        }
        if (event instanceof SessionEvent.Transcript t) {
            return 64 + 2L * t.text().length();
        }
        return 128;
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
            } catch (RejectedExecutionException e) {
                dropAfterClose();
            }
        }
    }

    /** The event thread is gone: events queued after close are dropped, and whoever waits for them is released. */
    private void dropAfterClose() {
        int dropped = 0;
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof CompletableFuture<?> marker) {
                marker.complete(null);
            } else {
                dropped++;
            }
        }
        LOG.debug("{} event(s) after close dropped", dropped);
    }

    private void drain() {
        // Cleared first: an event queued while draining schedules another (possibly empty) drain, never none.
        drainScheduled.set(false);
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof CompletableFuture<?> marker) {
                marker.complete(null);
                continue;
            }
            SessionEvent event = (SessionEvent) item;
            deliver(event);
            backlogBytes.addAndGet(-weight(event));
            if (backlogEvents.decrementAndGet() % 64 == 0 || !overLimit()) {
                synchronized (roomMonitor) {
                    roomMonitor.notifyAll();
                }
            }
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
        closed = true;
        synchronized (roomMonitor) {
            roomMonitor.notifyAll();
        }
        try {
            thread.execute(() -> {
                drain();
                publisher.close();
            });
        } catch (RejectedExecutionException e) {
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
