package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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

        @LiveTool(timeout = "100ms")
        public String hangBriefly() throws InterruptedException {
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

    @Test
    void theWatchThreadIsADaemonSoItNeverKeepsTheJvmFromExiting() throws Exception {
        awaitNoWatchThread();
        RecordingSink sink = new RecordingSink();
        newDispatcher().dispatch(toolCall(call("h", "hold", "{}")), sink);

        List<Thread> watch = deadlineThreadObjects();
        assertThat(watch).isNotEmpty();
        assertThat(watch).allMatch(Thread::isDaemon, "is a daemon thread");
    }

    @Test
    void aCallArrivingWhileTheIdleWatchWaitsForWorkHasItsDeadlineFireOnTime() throws Exception {
        awaitNoWatchThread();
        RecordingSink sink = new RecordingSink();
        ToolDispatcher d = newDispatcher();
        d.dispatch(toolCall(call("h", "hold", "{}")), sink);
        release.countDown();
        sink.awaitOne("h");
        // Nothing in flight now: within a tick the watch lets go of the dispatcher and waits up to a second for work.
        Thread.sleep(100);

        long start = System.nanoTime();
        d.dispatch(toolCall(call("late", "hangBriefly", "{}")), sink);
        assertThat(sink.awaitOne("late").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");

        // Due at 100 ms; woken by the call, the watch fires it a tick later, not when its idle second runs out.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(400);
    }

    @Test
    void callsAShortPauseApartShareOneWatchThread() throws Exception {
        awaitNoWatchThread();
        RecordingSink sink = new RecordingSink();
        ToolDispatcher d = newDispatcher();
        d.dispatch(toolCall(call("h1", "hold", "{}")), sink);
        List<String> first = deadlineThreads();
        release.countDown();
        sink.awaitOne("h1");

        // Nothing to watch for a moment: the thread waits up to a second for work before it ends.
        Thread.sleep(300);
        d.dispatch(toolCall(call("h2", "hold", "{}")), sink);
        sink.awaitOne("h2");

        assertThat(first).hasSize(1);
        assertThat(deadlineThreads()).as("the watch thread after the pause").containsExactlyElementsOf(first);
    }

    @Test
    void theWatchThreadSleepsBetweenTicks() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assertThat(mx.isThreadCpuTimeSupported()).isTrue();
        mx.setThreadCpuTimeEnabled(true);
        awaitNoWatchThread();
        RecordingSink sink = new RecordingSink();
        newDispatcher().dispatch(toolCall(call("h", "hold", "{}")), sink);
        Thread.sleep(100); // a watch thread that had just decided to end is gone by now
        List<Thread> threads = deadlineThreadObjects();
        assertThat(threads).hasSize(1);
        Thread watch = threads.get(0);

        long cpuBefore = mx.getThreadCpuTime(watch.getId());
        long wallBefore = System.nanoTime();
        Thread.sleep(1_000);
        long cpu = mx.getThreadCpuTime(watch.getId()) - cpuBefore;
        long wall = System.nanoTime() - wallBefore;

        // A hundred short ticks a second cost a few milliseconds; a watch that spun would use the whole second.
        assertThat(cpu).as("CPU time of the watch in %d ms", TimeUnit.NANOSECONDS.toMillis(wall))
                .isLessThan(wall / 4);
    }

    /**
     * Waits until the watch thread has ended (about a second after the last work), so that the next call starts a
     * new one: a test of how the thread is made or how it loops must see one made after it began (under PIT, one
     * running since an earlier mutant would still run that mutant's loop).
     */
    private static void awaitNoWatchThread() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((DeadlineWatch.SHARED.running() || !deadlineThreadObjects().isEmpty()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(deadlineThreadObjects()).as("watch threads still running").isEmpty();
    }

    private static List<Thread> deadlineThreadObjects() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("livetools-deadlines-")).toList();
    }

    private static List<String> deadlineThreads() {
        return deadlineThreadObjects().stream().map(Thread::getName).toList();
    }
}
