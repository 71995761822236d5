package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application gives each conversation its own dispatcher. Their deadlines are watched by one thread for the JVM:
 * a thread per dispatcher, ticking while its calls run, cost 1,000 sessions 100,000 wake-ups a second (SessionLoad,
 * docs/performance.md). The shared watch must still fire every dispatcher's deadlines, and stop when none is busy.
 */
@Timeout(60)
class SharedDeadlineWatchTest {

    private static final int DISPATCHERS = 50;
    private final CountDownLatch release = new CountDownLatch(1);

    public static final class Tools {
        private final CountDownLatch release;

        Tools(CountDownLatch release) {
            this.release = release;
        }

        @LiveTool(timeout = "300ms")
        public String hang() throws InterruptedException {
            Thread.sleep(20_000);
            return "too late";
        }

        @LiveTool(timeout = "30s")
        public String hold() throws InterruptedException {
            release.await(30, TimeUnit.SECONDS);
            return "released";
        }
    }

    private final List<ToolDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void closeAll() {
        release.countDown();
        dispatchers.forEach(ToolDispatcher::close);
    }

    private ToolDispatcher newDispatcher() {
        ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addInstances(new Tools(release)).build()).build();
        dispatchers.add(d);
        return d;
    }

    @Test
    void manyDispatchersWithCallsInFlightShareOneDeadlineThread() throws Exception {
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < DISPATCHERS; i++) {
            RecordingSink sink = new RecordingSink();
            sinks.add(sink);
            newDispatcher().dispatch(toolCall(call("h" + i, "hold", "{}")), sink);
        }

        assertThat(deadlineThreads()).as("deadline threads with %d busy dispatchers", DISPATCHERS).hasSize(1);
        release.countDown();
        for (int i = 0; i < DISPATCHERS; i++) {
            assertThat(sinks.get(i).awaitOne("h" + i).response().get("output").asText()).isEqualTo("released");
        }
    }

    @Test
    void everyDispatchersDeadlineFiresThroughTheSharedWatch() throws Exception {
        List<RecordingSink> sinks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < DISPATCHERS; i++) {
            RecordingSink sink = new RecordingSink();
            sinks.add(sink);
            newDispatcher().dispatch(toolCall(call("late" + i, "hang", "{}")), sink);
        }

        for (int i = 0; i < DISPATCHERS; i++) {
            assertThat(sinks.get(i).awaitOne("late" + i).response().at("/error/type").asText()).as("late" + i)
                    .isEqualTo("DEADLINE_EXCEEDED");
        }
        // 50 deadlines of 300 ms, all running at once: answered together, not one after another (15 s).
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8_000);
    }

    @Test
    void theSharedWatchThreadEndsOnceNoDispatcherHasWork() throws Exception {
        RecordingSink sink = new RecordingSink();
        newDispatcher().dispatch(toolCall(call("late", "hang", "{}")), sink).get(10, TimeUnit.SECONDS);
        sink.awaitOne("late");
        assertThat(DeadlineWatch.SHARED.running()).as("running while a call is given up and still running").isTrue();

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (DeadlineWatch.SHARED.running() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        // The hung method honours the interrupt, so after its deadline nothing is in flight or stuck.
        assertThat(DeadlineWatch.SHARED.running()).isFalse();
        assertThat(deadlineThreads()).isEmpty();
    }

    private static List<String> deadlineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("livetools-deadlines-")).toList();
    }
}
