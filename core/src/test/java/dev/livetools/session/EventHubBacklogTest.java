package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slow listener and a fast reader: the undelivered backlog stays within its bound, and nothing is dropped. */
@Timeout(60)
class EventHubBacklogTest {

    private static final String KILOBYTE = "x".repeat(512); // 1 KiB as UTF-16 in the heap

    @Test
    void aReaderThatAwaitsTheBacklogKeepsItBoundedAndEveryEventArrives() throws Exception {
        long limit = 32 * 1024;
        int total = 600;
        AtomicInteger delivered = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(total);
        AtomicLong maxSeen = new AtomicLong();
        try (EventHub hub = new EventHub("backlog-test", limit, 10_000)) {
            hub.addListener(e -> {
                sleep(1);
                delivered.incrementAndGet();
                all.countDown();
            });
            for (int i = 0; i < total; i++) {
                hub.emit(new SessionEvent.Text(KILOBYTE, false));
                maxSeen.accumulateAndGet(hub.backlogBytes(), Math::max);
                hub.awaitBacklog(); // what the socket read thread does after each frame
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(delivered).hasValue(total);
        // without the wait the backlog reaches hundreds of KiB (all 600 events queued before the listener catches up)
        assertThat(maxSeen.get()).isLessThanOrEqualTo(limit + 2 * 1024);
    }

    @Test
    void emittingNeverBlocksEvenFarOverTheBound() {
        try (EventHub hub = new EventHub("backlog-test", 1024, 10)) {
            CountDownLatch release = new CountDownLatch(1);
            hub.addListener(e -> {
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                hub.emit(new SessionEvent.Text(KILOBYTE, false)); // tool threads emit under the session lock
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
            release.countDown();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
