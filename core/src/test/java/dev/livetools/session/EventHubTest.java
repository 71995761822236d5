package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.Blob;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session's event thread: every event reaches every listener and subscriber in order, batches hold back the
 * wake-up, the undelivered backlog is weighed and bounds the reader, and close() delivers what is queued without
 * leaving a thread behind. Each hub is built per test and closed after it; every wait is bounded.
 */
@Timeout(30)
class EventHubTest {

    private static final String TEXT = "x".repeat(512);
    /** 64 bytes of overhead plus two bytes a character. */
    private static final long TEXT_WEIGHT = 64 + 2 * 512;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<SessionEvent> received = new CopyOnWriteArrayList<>();
    private EventHub hub;

    @AfterEach
    void closeHub() {
        release.countDown();
        if (hub != null) {
            hub.close();
        }
    }

    /** A listener that takes each event, then waits until the test lets it go (once for all). */
    private LiveSessionListener stuckUntilReleased() {
        return e -> {
            received.add(e);
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static SessionEvent text(String s) {
        return new SessionEvent.Text(s, false);
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.size() < count) {
            assertThat(System.nanoTime()).as("only " + received.size() + " of " + count + " events arrived")
                    .isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    private void awaitBacklogBytes(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (hub.backlogBytes() != expected && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(hub.backlogBytes()).isEqualTo(expected);
    }

    @Test
    void aSingleEventReachesEveryListener() throws Exception {
        hub = new EventHub("hub-test");
        List<SessionEvent> second = new CopyOnWriteArrayList<>();
        hub.addListener(received::add);
        hub.addListener(second::add);

        hub.emit(text("hello"));

        awaitReceived(1);
        hub.delivered().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(received).containsExactly(text("hello"));
        assertThat(second).containsExactly(text("hello"));
    }

    @Test
    void eventsEmittedAfterTheListenersCaughtUpAreDeliveredToo() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);

        hub.emit(text("one"));
        awaitReceived(1);
        hub.emit(text("two"));

        awaitReceived(2);
        assertThat(received).containsExactly(text("one"), text("two"));
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheEventFromTheOthers() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        hub.addListener(received::add);

        hub.emit(text("one"));
        hub.emit(text("two"));

        awaitReceived(2);
    }

    /** Runs {@code work} on a new non-daemon thread: threads it creates would inherit that, unless told otherwise. */
    private static void onNonDaemonThread(Runnable work) throws InterruptedException {
        Thread t = new Thread(work, "non-daemon");
        t.setDaemon(false);
        t.start();
        t.join(WAIT.toMillis());
    }

    @Test
    void theEventThreadDoesNotKeepTheJvmAlive() throws Exception {
        hub = new EventHub("hub-test");
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        hub.addListener(e -> thread.complete(Thread.currentThread()));

        onNonDaemonThread(() -> hub.emit(text("one")));

        Thread eventThread = thread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(eventThread.isDaemon()).isTrue();
        assertThat(eventThread.getName()).isEqualTo("hub-test");
    }

    @Test
    void aFlowSubscriberAloneReceivesEventsOnADaemonThreadAndCompletesOnClose() throws Exception {
        hub = new EventHub("hub-test");
        Recorder subscriber = new Recorder();
        onNonDaemonThread(() -> hub.publisher().subscribe(subscriber));
        subscriber.subscribed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        hub.emit(text("one"));
        hub.emit(text("two"));
        hub.close();

        subscriber.completed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(subscriber.items).containsExactly(text("one"), text("two"));
        assertThat(subscriber.daemonThreads).containsOnly(true);
    }

    @Test
    void closeDeliversWhatIsStillQueuedBeforeItReturns() throws Exception {
        hub = new EventHub("hub-test");
        CountDownLatch slow = new CountDownLatch(1);
        hub.addListener(e -> {
            try {
                slow.await(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            received.add(e);
        });
        for (int i = 0; i < 5; i++) {
            hub.emit(text("e" + i));
        }

        hub.close();

        assertThat(received).hasSize(5);
    }

    @Test
    void closingAnIdleHubReturnsAtOnce() {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);
        long start = System.nanoTime();

        hub.close();

        // the event thread is told to stop, not waited out (2 s): with nothing to deliver it ends in microseconds
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
    }

    @Test
    void closeStopsAListenerThatWouldBlockForever() throws Exception {
        hub = new EventHub("hub-test");
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CountDownLatch never = new CountDownLatch(1);
        hub.addListener(e -> {
            received.add(e);
            try {
                never.await();
                interrupted.complete(false);
            } catch (InterruptedException ex) {
                interrupted.complete(true);
            }
        });
        hub.emit(text("one"));
        awaitReceived(1);

        hub.close();

        assertThat(interrupted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void closingFromAnInterruptedThreadStillStopsTheEventThread() throws Exception {
        hub = new EventHub("hub-test");
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        CountDownLatch never = new CountDownLatch(1);
        hub.addListener(e -> {
            received.add(e);
            try {
                never.await();
                interrupted.complete(false);
            } catch (InterruptedException ex) {
                interrupted.complete(true);
            }
        });
        hub.emit(text("one"));
        awaitReceived(1);

        Thread.currentThread().interrupt();
        try {
            hub.close();
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(interrupted.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void deliveredCompletesOnlyOnceTheEarlierEventsReachedTheListeners() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(stuckUntilReleased());
        hub.emit(text("one"));

        CompletableFuture<Void> delivered = hub.delivered();
        Thread.sleep(100);
        assertThat(delivered).isNotDone();
        release.countDown();

        delivered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void deliveredIsCompleteAtOnceWithNobodyListeningOrOnTheEventThreadItself() throws Exception {
        hub = new EventHub("hub-test");
        assertThat(hub.delivered()).isDone();

        CompletableFuture<Boolean> doneOnEventThread = new CompletableFuture<>();
        hub.addListener(e -> doneOnEventThread.complete(hub.delivered().isDone()));
        hub.emit(text("one"));

        assertThat(doneOnEventThread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void deliveredOnAClosedHubIsCompleteAtOnce() {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);
        hub.close();

        // nothing more will be delivered: a caller waiting for it must not wait for its timeout
        assertThat(hub.delivered()).isDone();
    }

    @Test
    void closingInsideABatchStillDeliversTheBatchsEvents() {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);

        // a session that fails while handling a frame closes its hub inside the frame's batch
        hub.beginBatch();
        hub.emit(text("unanswered"));
        hub.emit(new SessionEvent.Connection(ConnectionState.CLOSED, "gave up"));
        hub.close();
        hub.endBatch();

        assertThat(received).containsExactly(text("unanswered"),
                new SessionEvent.Connection(ConnectionState.CLOSED, "gave up"));
    }

    @Test
    void aSubscriberFarBehindLosesEventsInsteadOfHoldingUpTheListeners() throws Exception {
        hub = new EventHub("hub-test");
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        hub.publisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscribed.complete(null); // and never requests anything
            }

            @Override
            public void onNext(SessionEvent item) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
        subscribed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        hub.addListener(received::add);

        for (int i = 0; i < 5_000; i++) {
            hub.emit(text("e" + i));
        }

        awaitReceived(5_000);
    }

    @Test
    void eventsEmittedInABatchWaitForItsOutermostEnd() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);

        hub.beginBatch();
        hub.beginBatch();
        hub.emit(text("one"));
        hub.endBatch();
        Thread.sleep(100);
        assertThat(received).as("the inner end does not wake the event thread").isEmpty();
        hub.endBatch();

        awaitReceived(1);
        hub.emit(text("two"));
        awaitReceived(2);
    }

    @Test
    void anEndWithoutABeginIsHarmless() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(received::add);

        hub.endBatch();
        hub.emit(text("one"));

        awaitReceived(1);
    }

    @Test
    void theBacklogWeighsEachUndeliveredEventAndEmptiesAsTheyAreDelivered() throws Exception {
        hub = new EventHub("hub-test");
        hub.addListener(stuckUntilReleased());

        hub.emit(text(TEXT));
        awaitReceived(1);
        hub.emit(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, TEXT, false));
        hub.emit(new SessionEvent.Audio(new Blob("audio/pcm;rate=24000", "A".repeat(1000))));
        hub.emit(new SessionEvent.Interrupted());

        // text and transcripts at two bytes a character, audio at its base64 length, anything else 128; plus 64
        assertThat(hub.backlogBytes()).isEqualTo(TEXT_WEIGHT + TEXT_WEIGHT + (64 + 1000) + 128);
        release.countDown();
        awaitBacklogBytes(0);
    }

    @Test
    void aReaderExactlyAtTheEventBoundGoesOnAndOneBeyondItWaitsForTheListeners() throws Exception {
        hub = new EventHub("hub-test", Long.MAX_VALUE, 1);
        hub.addListener(stuckUntilReleased());
        hub.emit(text("one"));
        awaitReceived(1);

        CompletableFuture.runAsync(hub::awaitBacklog).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        hub.emit(text("two"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(hub::awaitBacklog);
        Thread.sleep(200);
        assertThat(reader).as("two events behind a bound of one").isNotDone();
        release.countDown();
        reader.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aReaderExactlyAtTheByteBoundGoesOnAndOneBeyondItWaitsForTheListeners() throws Exception {
        hub = new EventHub("hub-test", TEXT_WEIGHT, 10_000);
        hub.addListener(stuckUntilReleased());
        hub.emit(text(TEXT));
        awaitReceived(1);

        CompletableFuture.runAsync(hub::awaitBacklog).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        hub.emit(text("x"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(hub::awaitBacklog);
        Thread.sleep(200);
        assertThat(reader).as("one byte over").isNotDone();
        release.countDown();
        reader.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aWaitingReaderGoesOnWhenTheHubCloses() throws Exception {
        hub = new EventHub("hub-test", Long.MAX_VALUE, 1);
        hub.addListener(stuckUntilReleased());
        hub.emit(text("one"));
        hub.emit(text("two"));
        CompletableFuture<Void> reader = CompletableFuture.runAsync(hub::awaitBacklog);
        Thread.sleep(100);
        assertThat(reader).isNotDone();

        CompletableFuture.runAsync(hub::close);

        reader.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void anInterruptedReaderStopsWaitingAndKeepsItsInterrupt() throws Exception {
        hub = new EventHub("hub-test", Long.MAX_VALUE, 1);
        hub.addListener(stuckUntilReleased());
        hub.emit(text("one"));
        hub.emit(text("two"));
        CompletableFuture<Boolean> keptInterrupt = new CompletableFuture<>();
        AtomicBoolean waiting = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            waiting.set(true);
            hub.awaitBacklog();
            keptInterrupt.complete(Thread.currentThread().isInterrupted());
        }, "reader");
        reader.setDaemon(true);
        reader.start();
        while (!waiting.get() || reader.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(2);
        }

        reader.interrupt();

        assertThat(keptInterrupt.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    /** A Flow subscriber that records items, the threads it was called on, and completion. */
    private static final class Recorder implements Flow.Subscriber<SessionEvent> {
        final List<SessionEvent> items = new CopyOnWriteArrayList<>();
        final List<Boolean> daemonThreads = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        final CompletableFuture<Void> completed = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            daemonThreads.add(Thread.currentThread().isDaemon());
            s.request(Long.MAX_VALUE);
            subscribed.complete(null);
        }

        @Override
        public void onNext(SessionEvent item) {
            daemonThreads.add(Thread.currentThread().isDaemon());
            items.add(item);
        }

        @Override
        public void onError(Throwable t) {
            completed.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            completed.complete(null);
        }
    }
}
