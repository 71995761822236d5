package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.tool.HostedTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls answered at their deadline while their method goes on: the host's log warns once about one that ignores the
 * interrupt, and one whose method returns at the interrupt is never taken for stuck, whichever of its return and the
 * record of its overrun comes first.
 */
@Timeout(30)
class GivenUpCallsTest {

    private final RecordingSink sink = new RecordingSink();
    private final CountDownLatch unstick = new CountDownLatch(1);
    private final List<List<StuckCall>> reports = new CopyOnWriteArrayList<>();
    private final DispatchListener listener = new DispatchListener() {
        @Override
        public void onEvent(CallEvent event) {
        }

        @Override
        public void onStuckCalls(List<StuckCall> calls) {
            reports.add(calls);
        }
    };
    private ToolDispatcher dispatcher;

    @AfterEach
    void close() {
        unstick.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static FunctionDeclaration declaration(String name) {
        return new FunctionDeclaration(name, null, null, null);
    }

    /** Answered at 100 ms; ignores the interrupt, like a read without a timeout, until the test ends. */
    private HostedTool stuckTool() {
        return HostedTool.of(declaration("stuck"), Duration.ofMillis(100), (args, context) -> {
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
    }

    @Test
    void theHostsLogWarnsOnceAboutACallWhoseMethodIgnoresTheInterrupt() throws Exception {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuckTool()).build()).listener(listener)
                .build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        List<String> atFirstReport;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            dispatcher.dispatch(toolCall(call("s", "stuck", "{}")), sink);
            awaitReports(1);
            atFirstReport = warnings(log);
            awaitReports(3);
        } finally {
            System.setErr(stderr);
        }

        assertThat(atFirstReport).as("warned with the first report").hasSize(1);
        assertThat(atFirstReport.get(0)).contains("WARN").contains("its method ignores interrupts");
        assertThat(warnings(log)).as("warned once in %d reports", reports.size()).hasSize(1);
    }

    private void awaitReports(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reports.size() < count && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(reports).as("stuck reports to the listener").hasSizeGreaterThanOrEqualTo(count);
    }

    private static List<String> warnings(ByteArrayOutputStream log) {
        return log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("call s of stuck is still running"))
                .toList();
    }

    @Test
    void aClosedDispatcherIsNoLongerWatchedThoughAGivenUpMethodStillRuns() throws Exception {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuckTool()).build()).listener(listener)
                .build();
        dispatcher.dispatch(toolCall(call("s", "stuck", "{}")), sink);
        awaitReports(1);

        dispatcher.close();
        Thread.sleep(100); // a report under way as close() ran
        reports.clear();
        Thread.sleep(2_500);

        assertThat(reports).as("stuck reports after close()").isEmpty();
        assertThat(unstick.getCount()).as("the method still runs").isEqualTo(1);
    }

    @Test
    void stuckCallsAreReportedAboutOnceASecondNotEveryTick() throws Exception {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuckTool()).build()).listener(listener)
                .build();
        dispatcher.dispatch(toolCall(call("s", "stuck", "{}")), sink);
        awaitReports(1);

        Thread.sleep(2_500);

        assertThat(reports).as("reports in about 2.5 s after the first").hasSizeBetween(2, 5);
    }

    @Test
    void stuckCallsAreReportedInTheOrderTheyArrived() throws Exception {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(stuckTool()).build()).listener(listener)
                .build();
        List<String> ids = List.of("s1", "s2", "s3", "s4", "s5");
        for (String id : ids) {
            dispatcher.dispatch(toolCall(call(id, "stuck", "{}")), sink);
            Thread.sleep(5);
        }

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reports.stream().noneMatch(r -> r.size() == ids.size()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        List<StuckCall> all = reports.stream().filter(r -> r.size() == ids.size()).findFirst().orElseThrow();
        assertThat(all).extracting(StuckCall::callId).containsExactlyElementsOf(ids);
    }

    @Test
    void aMethodThatTakesAMomentToStopAfterTheInterruptIsNotReportedStuck() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        HostedTool hold = HostedTool.of(declaration("hold"), Duration.ofSeconds(20), (args, context) -> {
            release.await();
            return "held";
        });
        HostedTool tidy = HostedTool.of(declaration("tidy"), Duration.ofMillis(100), (args, context) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                // Stopped: tidies up for a moment, well under the half second after which a call counts as stuck.
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                stopped.countDown();
            }
            return "stopped";
        });
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(hold, tidy).build()).listener(listener)
                .build();
        // Busy for over a second first, so that a stuck report is due on the very tick after tidy's deadline.
        dispatcher.dispatch(toolCall(call("h", "hold", "{}")), sink);
        Thread.sleep(1_200);

        dispatcher.dispatch(toolCall(call("t", "tidy", "{}")), sink);
        assertThat(sink.awaitOne("t").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        release.countDown();

        assertThat(reports).isEmpty();
    }

    @Test
    void aMethodThatReturnedBeforeItsOverrunWasRecordedIsNeverReportedStuck() throws Exception {
        CountDownLatch taskEnded = new CountDownLatch(1);
        Executor threads = task -> new Thread(() -> {
            task.run();
            taskEnded.countDown();
        }, "test-call").start();
        HostedTool polite = HostedTool.of(declaration("polite"), Duration.ofMillis(100), (args, context) -> {
            // The deadline's stop runs cancel callbacks before it records the overrun: holding it here until the
            // method has returned makes the return come first, which is otherwise a rare race.
            context.onCancel(() -> {
                try {
                    taskEnded.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(20_000);
            return "too late";
        });
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(polite).build()).executor(threads)
                .listener(listener).build();

        dispatcher.dispatch(toolCall(call("p", "polite", "{}")), sink);

        assertThat(sink.awaitOne("p").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(taskEnded.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(2_000); // past the half second after which a running call counts as stuck, and a report period
        assertThat(reports).isEmpty();
    }
}
