package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.tool.HostedTool;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls whose method ignores interrupts (a blocking read without a timeout is enough) are answered at their deadline,
 * give their concurrency slot to later calls, are reported while they keep running, and leave no thread of ours
 * behind once they end and the dispatcher is closed.
 */
@Timeout(30)
class StuckToolsTest {

    private final CountDownLatch unstick = new CountDownLatch(1);
    private final CountDownLatch stuckEntered = new CountDownLatch(1);

    /** Waits for the test, swallowing every interrupt, like a socket read without a timeout. */
    private final HostedTool stuck = HostedTool.of(new FunctionDeclaration("stuck", null, null, null),
            Duration.ofMillis(300), (args, context) -> {
                stuckEntered.countDown();
                while (true) {
                    try {
                        if (unstick.await(10, TimeUnit.SECONDS)) {
                            return "finally";
                        }
                    } catch (InterruptedException ignored) {
                        // This tool does not care.
                    }
                }
            });

    private final HostedTool quick = HostedTool.of(new FunctionDeclaration("quick", null, null, null),
            Duration.ofSeconds(5), (args, context) -> "quick");

    @AfterEach
    void release() {
        unstick.countDown();
    }

    @Test
    void anExpiredCallWhoseMethodIgnoresInterruptsGivesItsSlotToTheNextCall() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuck, quick).build())
                .maxConcurrency(1).build()) {
            d.dispatch(toolCall(call("s1", "stuck", "{}")), sink);
            assertThat(sink.awaitOne("s1").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
            d.dispatch(toolCall(call("q1", "quick", "{}")), sink);
            FunctionResponse quickAnswer = sink.awaitOne("q1");
            assertThat(quickAnswer.response().at("/output").asText()).isEqualTo("quick");
            assertThat(unstick.getCount()).as("the stuck method is still running").isEqualTo(1);
        }
    }

    @Test
    void stuckCallsAreReportedThroughTheListenerWithToolAndAge() throws Exception {
        List<List<StuckCall>> reports = new CopyOnWriteArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);
        DispatchListener listener = stuckReportsInto(reports, reported);
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuck).build())
                .listener(listener).build()) {
            long dispatched = System.nanoTime();
            d.dispatch(toolCall(call("s2", "stuck", "{}")), sink);
            assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
            Duration sinceDispatch = Duration.ofNanos(System.nanoTime() - dispatched);
            StuckCall report = reports.get(0).get(0);
            assertThat(reports.get(0)).hasSize(1);
            assertThat(report.callId()).isEqualTo("s2");
            assertThat(report.toolName()).isEqualTo("stuck");
            assertThat(report.age()).isBetween(Duration.ofMillis(300), sinceDispatch);
            unstick.countDown();
            reports.clear();
            Thread.sleep(2_500);
            assertThat(reports).as("no report once the method returned").isEmpty();
        }
    }

    @Test
    void aMethodThatReturnsAtTheInterruptIsNeverReportedStuck() throws Exception {
        // Its return races the report that it overran: the end must win whichever comes first, or the call is
        // "stuck" for ever and keeps the deadline watch ticking.
        HostedTool polite = HostedTool.of(new FunctionDeclaration("polite", null, null, null),
                Duration.ofMillis(50), (args, context) -> {
                    Thread.sleep(20_000);
                    return "too late";
                });
        List<List<StuckCall>> reports = new CopyOnWriteArrayList<>();
        DispatchListener listener = stuckReportsInto(reports, new CountDownLatch(1));
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(polite).build())
                .maxConcurrency(40).listener(listener).build()) {
            for (int i = 0; i < 40; i++) {
                d.dispatch(toolCall(call("p" + i, "polite", "{}")), sink);
            }
            for (int i = 0; i < 40; i++) {
                assertThat(sink.awaitOne("p" + i).response().at("/error/type").asText())
                        .isEqualTo("DEADLINE_EXCEEDED");
            }
            Thread.sleep(2_500); // two report periods
            assertThat(reports).isEmpty();
        }
    }

    @Test
    void closeLeavesNoThreadOfTheDispatcherOnceTheStuckMethodReturns() throws Exception {
        Set<Thread> before = livetoolsThreads();
        RecordingSink sink = new RecordingSink();
        ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuck, quick).build()).build();
        d.warmUp().toCompletableFuture().get(10, TimeUnit.SECONDS);
        d.dispatch(toolCall(call("s3", "stuck", "{}"), call("q3", "quick", "{}")), sink);
        assertThat(sink.awaitOne("s3").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        sink.awaitOne("q3");
        d.close();
        unstick.countDown();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> left = livetoolsThreads();
        left.removeAll(before);
        while (!left.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
            left = livetoolsThreads();
            left.removeAll(before);
        }
        assertThat(left.stream().map(Thread::getName).collect(Collectors.toList())).isEmpty();
    }

    /** A listener that keeps every stuck-calls report and counts {@code reported} down on each. */
    private static DispatchListener stuckReportsInto(List<List<StuckCall>> reports, CountDownLatch reported) {
        return new DispatchListener() {
            @Override
            public void onEvent(CallEvent event) {
            }

            @Override
            public void onStuckCalls(List<StuckCall> calls) {
                reports.add(calls);
                reported.countDown();
            }
        };
    }

    private static Set<Thread> livetoolsThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("livetools-")).collect(Collectors.toSet());
    }
}
