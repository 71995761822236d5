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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls that end otherwise than by answering at once: cancelled while running, answered in BATCHED mode and held for
 * their siblings, given up at their deadline while held.
 */
@Timeout(30)
class CancelledAndHeldCallsTest {

    private final RecordingSink sink = new RecordingSink();
    private final CountDownLatch release = new CountDownLatch(1);
    /** One permit each time a call's task has ended on its thread (see {@link #threads}). */
    private final Semaphore tasksDone = new Semaphore(0);
    /** A thread per call that reports when the call's task is over, method, answer and all. */
    private final Executor threads = task -> new Thread(() -> {
        try {
            task.run();
        } finally {
            tasksDone.release();
        }
    }, "test-call").start();
    private ToolDispatcher dispatcher;

    @AfterEach
    void close() {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static FunctionDeclaration declaration(String name) {
        return new FunctionDeclaration(name, null, null, null);
    }

    private final HostedTool quick = HostedTool.of(declaration("quick"), (args, context) -> "quick");

    private final HostedTool waits = HostedTool.of(declaration("waits"), (args, context) -> {
        release.await();
        return "waited";
    });

    private ToolDispatcher.Builder builder(HostedTool... tools) {
        return ToolDispatcher.builder(ToolCatalog.builder().addTools(tools).build());
    }

    @Test
    void aCancelledCallsEventSaysHowLongItsMethodRan() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        dispatcher = builder(waits).listener(events::add).build();
        long start = System.nanoTime();
        dispatcher.dispatch(toolCall(call("w", "waits", "{}")), sink);
        awaitStarted("w");
        Thread.sleep(200);

        dispatcher.cancel(List.of("w"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        CallEvent cancelled = events.stream().filter(e -> e.kind() == CallEvent.Kind.CANCELLED).findFirst()
                .orElseThrow();
        assertThat(cancelled.ran()).isBetween(Duration.ofMillis(150), elapsed);
    }

    @Test
    void aBatchedAnswerHeldForItsSiblingsCanStillBeCancelledAndIsLeftOut() throws Exception {
        dispatcher = builder(quick, waits).responseMode(ResponseMode.BATCHED).executor(threads).build();
        CompletableFuture<Void> done = dispatcher.dispatch(toolCall(call("q", "quick", "{}"),
                call("w", "waits", "{}")), sink);
        assertThat(tasksDone.tryAcquire(5, TimeUnit.SECONDS)).as("q answered, its answer held for w").isTrue();

        assertThat(dispatcher.cancel(List.of("q"))).containsExactly("q");

        release.countDown();
        done.get(5, TimeUnit.SECONDS);
        assertThat(sink.messages()).hasSize(1);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("w");
    }

    @Test
    void aBatchedCallGivenUpAtItsDeadlineLetsItsThreadGoOnceItsMethodReturns() throws Exception {
        CountDownLatch unstick = new CountDownLatch(1);
        HostedTool stubborn = HostedTool.of(declaration("stubborn"), Duration.ofMillis(200), (args, context) -> {
            while (true) {
                try {
                    if (unstick.await(10, TimeUnit.SECONDS)) {
                        return "too late";
                    }
                } catch (InterruptedException ignored) {
                    // Ignores the deadline's interrupt, like a read without a timeout.
                }
            }
        });
        dispatcher = builder(quick, stubborn).responseMode(ResponseMode.BATCHED).executor(threads).build();
        dispatcher.dispatch(toolCall(call("q", "quick", "{}"), call("s", "stubborn", "{}")), sink);
        // q's answer waits for s, which the deadline answers: both go out together while s's method still runs.
        sink.await(2, Duration.ofSeconds(5));
        assertThat(sink.responsesFor("s").get(0).response().at("/error/type").asText())
                .isEqualTo("DEADLINE_EXCEEDED");
        assertThat(tasksDone.tryAcquire(5, TimeUnit.SECONDS)).as("q's task ended").isTrue();

        unstick.countDown();

        assertThat(tasksDone.tryAcquire(5, TimeUnit.SECONDS)).as("s's task ended once its method returned").isTrue();
        assertThat(sink.responses()).hasSize(2);
    }

    @Test
    void aQueuedCallCancelledBeforeItsTurnNeverRunsEvenIfItsToolDoesNotCheck() throws Exception {
        // A tool built in code is called as it is: only the dispatcher can keep a cancelled call from running.
        AtomicInteger runs = new AtomicInteger();
        HostedTool counts = HostedTool.of(declaration("counts"), (args, context) -> "run " + runs.incrementAndGet());
        dispatcher = builder(waits, counts).maxConcurrency(1).build();
        CompletableFuture<Void> done = dispatcher.dispatch(toolCall(call("w", "waits", "{}"),
                call("c", "counts", "{}")), sink);
        awaitStarted("w");
        assertThat(dispatcher.cancel(List.of("c"))).containsExactly("c");

        release.countDown();
        done.get(5, TimeUnit.SECONDS);
        // Calls start in arrival order: once a later call has run, the cancelled one's turn has come and gone.
        dispatcher.dispatch(toolCall(call("later", "counts", "{}")), sink);

        assertThat(sink.awaitOne("later").response().get("output").asText()).isEqualTo("run 1");
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("w", "later");
    }

    @Test
    void aCallWhoseAnswerIsAlreadyOnItsWayCannotBeCancelledAnyMore() throws Exception {
        // A cancellation racing the answer: here it arrives while the sink is taking the answer.
        AtomicReference<Set<String>> cancelledMeanwhile = new AtomicReference<>();
        ResponseSink racing = response -> {
            cancelledMeanwhile.compareAndSet(null, dispatcher.cancel(List.of("q")));
            sink.send(response);
        };
        dispatcher = builder(quick).build();

        dispatcher.dispatch(toolCall(call("q", "quick", "{}")), racing).get(5, TimeUnit.SECONDS);

        assertThat(cancelledMeanwhile.get()).as("ids cancel() says it cancelled").isEmpty();
        assertThat(sink.responsesFor("q")).hasSize(1);
    }

    @Test
    void batchedAnswersAreReportedFinishedOrFailedOnceTheyAreSent() throws Exception {
        List<CallEvent> events = new CopyOnWriteArrayList<>();
        dispatcher = builder(quick).responseMode(ResponseMode.BATCHED).listener(events::add).build();

        dispatcher.dispatch(toolCall(call("q", "quick", "{}"), call("x", "noSuchTool", "{}")), sink)
                .get(5, TimeUnit.SECONDS);

        assertThat(sink.messages()).hasSize(1);
        assertThat(events).extracting(e -> e.callId() + ":" + e.kind())
                .contains("q:FINISHED", "x:FAILED").doesNotContain("q:CANCELLED", "x:CANCELLED");
        assertThat(events.stream().filter(e -> e.callId().equals("x") && e.kind() == CallEvent.Kind.FAILED)
                .findFirst().orElseThrow().error()).isEqualTo(ErrorType.UNKNOWN_TOOL);
    }

    private void awaitStarted(String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sink.started().contains(id) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(sink.started()).contains(id);
    }
}
