package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.ToolContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Parallel calls, deadlines, cancellation, duplicate delivery and exactly-once answers. */
@Timeout(20)
class ToolDispatcherConcurrencyTest {

    /**
     * The deadline of the tools that test deadlines. The method must be running when it passes (the tests check it is
     * interrupted); at 150 ms a loaded machine sometimes had not started it yet, and the call expired while queued.
     */
    static final String DEADLINE = "500ms";

    /** How long {@code slow} sleeps: short by default, long where the measurement needs a clear margin. */
    static volatile Duration slow = Duration.ofMillis(100);

    /** Shared with the tools, which are instantiated by the catalog; reset before each test. */
    static final AtomicInteger RUNS = new AtomicInteger();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(1);
    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch exited = new CountDownLatch(1);
    static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
    static final AtomicBoolean CONTEXT_CANCELLED = new AtomicBoolean();
    static final AtomicBoolean CALLBACK_RAN = new AtomicBoolean();
    static volatile Thread toolThread;
    static volatile CompletableFuture<String> pending;

    public static final class SlowTools {
        @LiveTool
        public String slow(int n) throws InterruptedException {
            RUNS.incrementAndGet();
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                Thread.sleep(slow.toMillis());
                return "done " + n;
            } finally {
                RUNNING.decrementAndGet();
            }
        }

        @LiveTool
        public String fast(int n) {
            RUNS.incrementAndGet();
            return "fast " + n;
        }

        /** Waits for the test to release it; records how it was stopped. */
        @LiveTool(timeout = DEADLINE)
        public String blocks(ToolContext context) {
            toolThread = Thread.currentThread();
            context.onCancel(() -> CALLBACK_RAN.set(true));
            entered.countDown();
            try {
                release.await();
                return "released";
            } catch (InterruptedException e) {
                INTERRUPTED.set(true);
                CONTEXT_CANCELLED.set(context.isCancelled());
                return "interrupted, but answering anyway";
            } finally {
                exited.countDown();
            }
        }

        /**
         * {@link #blocks} for the cancellation tests: with a short deadline the deadline can win the race against a
         * cancel on a loaded machine (the call is then answered DEADLINE_EXCEEDED and there is nothing to cancel).
         */
        @LiveTool(timeout = "1s")
        public String blocksUntilCancelled(ToolContext context) {
            return blocks(context);
        }

        /** Ignores interrupts entirely, like a tool stuck in a non-interruptible call. */
        @LiveTool(timeout = DEADLINE)
        public String hangs() {
            entered.countDown();
            while (release.getCount() > 0) {
                Thread.onSpinWait();
                try {
                    release.await(5, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    INTERRUPTED.set(true);
                }
            }
            exited.countDown();
            return "too late";
        }

        @LiveTool
        public String waitsForRelease(ToolContext context) throws InterruptedException {
            entered.countDown();
            release.await();
            return "released";
        }

        /** Returns a future nobody completes, and remembers it. */
        @LiveTool(timeout = DEADLINE)
        public CompletableFuture<String> never() {
            CompletableFuture<String> future = new CompletableFuture<>();
            pending = future;
            entered.countDown();
            return future;
        }

        /** {@link #never} for the cancellation test, for the same reason as {@link #blocksUntilCancelled}. */
        @LiveTool(timeout = "1s")
        public CompletableFuture<String> neverUntilCancelled() {
            return never();
        }

        @LiveTool
        public String threadKind() throws ReflectiveOperationException {
            boolean virtual = (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
            return virtual ? "virtual" : "platform";
        }
    }

    /**
     * The deadline of the tools the cancellation tests cancel: far beyond any scheduling stall between dispatch and
     * cancel, yet short enough for the tests to wait it out and show that it sends nothing either.
     */
    private static final Duration CANCELLED_TOOLS_DEADLINE = Duration.ofSeconds(1);

    /** Sleeps until the deadline of a call dispatched at {@code dispatchedNanos} has passed, with a few ticks spare. */
    private static void sleepPastTheDeadline(long dispatchedNanos) throws InterruptedException {
        long until = dispatchedNanos + CANCELLED_TOOLS_DEADLINE.plusMillis(100).toNanos();
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private final ToolCatalog catalog = ToolCatalog.builder().addClasses(SlowTools.class).build();
    private final List<ToolDispatcher> dispatchers = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void reset() {
        slow = Duration.ofMillis(100);
        RUNS.set(0);
        RUNNING.set(0);
        MOST_AT_ONCE.set(0);
        release = new CountDownLatch(1);
        entered = new CountDownLatch(1);
        exited = new CountDownLatch(1);
        INTERRUPTED.set(false);
        CONTEXT_CANCELLED.set(false);
        CALLBACK_RAN.set(false);
        toolThread = null;
        pending = null;
    }

    @AfterEach
    void close() {
        release.countDown();
        dispatchers.forEach(ToolDispatcher::close);
    }

    private ToolDispatcher dispatcher(ToolDispatcher.Builder builder) {
        ToolDispatcher d = builder.build();
        dispatchers.add(d);
        return d;
    }

    private ToolDispatcher dispatcher() {
        return dispatcher(ToolDispatcher.builder(catalog));
    }

    private static ToolCall calls(String name, int count) {
        List<FunctionCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call("c" + i, name, "{'n':" + i + "}"));
        }
        return new ToolCall(calls);
    }

    @Test
    void fiftyConcurrentCallsOfASlowToolFinishInAboutOneToolDuration() throws Exception {
        slow = Duration.ofMillis(400);
        ToolDispatcher d = dispatcher();
        long start = System.nanoTime();
        d.dispatch(calls("slow", 50), sink).get(10, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(sink.responses()).hasSize(50);
        assertThat(sink.responses()).allSatisfy(r -> assertThat(r.response().get("output").asText())
                .startsWith("done "));
        assertThat(MOST_AT_ONCE.get()).isEqualTo(50);
        assertThat(elapsed).isLessThan(slow.multipliedBy(2));
    }

    @Test
    void oneByOneAnswersEachCallAsItFinishes() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call("s", "slow", "{'n':1}"), call("f", "fast", "{'n':2}")), sink).get(5, TimeUnit.SECONDS);
        assertThat(sink.messages()).hasSize(2);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("f", "s");
    }

    @Test
    void batchedModeSendsOneMessagePerToolCallInCallOrder() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).responseMode(ResponseMode.BATCHED));
        d.dispatch(toolCall(call("s", "slow", "{'n':1}"), call("f", "fast", "{'n':2}"), call("u", "nope", "{}")),
                sink).get(5, TimeUnit.SECONDS);
        assertThat(sink.messages()).hasSize(1);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("s", "f", "u");
    }

    @Test
    void batchedModeLeavesOutCancelledCalls() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).responseMode(ResponseMode.BATCHED));
        CompletableFuture<Void> done = d.dispatch(toolCall(call("w", "waitsForRelease", "{}"),
                call("f", "fast", "{'n':2}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(d.cancel(List.of("w"))).containsExactly("w");
        done.get(5, TimeUnit.SECONDS);
        assertThat(sink.messages()).hasSize(1);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("f");
    }

    @Test
    void maxConcurrencyQueuesTheCallsBeyondIt() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).maxConcurrency(2));
        d.dispatch(calls("slow", 4), sink).get(10, TimeUnit.SECONDS);
        assertThat(sink.responses()).hasSize(4);
        assertThat(MOST_AT_ONCE.get()).isEqualTo(2);
    }

    @Test
    void hungToolIsAnsweredDeadlineExceededOnTime() throws Exception {
        ToolDispatcher d = dispatcher();
        long start = System.nanoTime();
        d.dispatch(toolCall(call("h", "hangs", "{}")), sink);
        FunctionResponse r = sink.awaitOne("h");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(r.response().at("/error/message").asText()).isEqualTo("hangs did not finish within 500ms and was "
                + "stopped");
        assertThat(elapsed).isBetween(Duration.ofMillis(490), Duration.ofMillis(1500));
        // The answer goes out first and the interrupt follows it: released before then, the method would have
        // returned without ever seeing the interrupt.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!INTERRUPTED.get() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(INTERRUPTED.get()).as("the hung method was interrupted").isTrue();
        release.countDown();
        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.responsesFor("h")).as("its late result is suppressed").hasSize(1);
    }

    @Test
    void deadlineInterruptsTheMethodAndCancelsItsContext() throws Exception {
        ToolDispatcher d = dispatcher();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("b", "blocks", "{}")), sink);
        assertThat(sink.awaitOne("b").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
        done.get(5, TimeUnit.SECONDS);
        assertThat(INTERRUPTED.get()).isTrue();
        assertThat(CONTEXT_CANCELLED.get()).isTrue();
        assertThat(CALLBACK_RAN.get()).isTrue();
        assertThat(sink.responsesFor("b")).hasSize(1);
    }

    @Test
    void asyncToolPastItsDeadlineIsAnsweredAndItsFutureCancelled() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call("n", "never", "{}")), sink).get(5, TimeUnit.SECONDS);
        assertThat(sink.awaitOne("n").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(pending).isCancelled();
    }

    @Test
    void cancellingAnAsyncCallCancelsItsFutureAndSendsNothing() throws Exception {
        ToolDispatcher d = dispatcher();
        long dispatched = System.nanoTime();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("n", "neverUntilCancelled", "{}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(d.cancel(List.of("n"))).containsExactly("n");
        done.get(5, TimeUnit.SECONDS);
        // The method may still be returning its future when the cancel lands; it is cancelled as soon as it is known.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pending.isCancelled() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(pending).isCancelled();
        sleepPastTheDeadline(dispatched); // neither a late result nor a timeout may be sent
        assertThat(sink.responsesFor("n")).isEmpty();
    }

    @Test
    void hostDefaultTimeoutAppliesToToolsWithoutTheirOwn() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).defaultTimeout(Duration.ofMillis(100)));
        d.dispatch(toolCall(call("w", "waitsForRelease", "{}")), sink);
        assertThat(sink.awaitOne("w").response().at("/error/timeoutMillis").asLong()).isEqualTo(100);
    }

    @Test
    void cancelledCallIsInterruptedAndNeverAnswered() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog));
        long dispatched = System.nanoTime();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("b", "blocksUntilCancelled", "{}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(d.cancel(List.of("b"))).containsExactly("b");

        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
        done.get(5, TimeUnit.SECONDS);
        assertThat(INTERRUPTED.get()).isTrue();
        assertThat(CONTEXT_CANCELLED.get()).isTrue();
        assertThat(CALLBACK_RAN.get()).isTrue();
        sleepPastTheDeadline(dispatched); // neither the late result nor a timeout may be sent
        assertThat(sink.responsesFor("b")).isEmpty();
    }

    @Test
    void cancellationTouchesOnlyTheGivenIds() throws Exception {
        ToolDispatcher d = dispatcher();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("w", "waitsForRelease", "{}"),
                call("s", "slow", "{'n':1}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        d.cancel(List.of("w"));
        done.get(5, TimeUnit.SECONDS);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("s");
    }

    @Test
    void cancellingUnknownOrFinishedIdsChangesNothing() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call("f", "fast", "{'n':1}")), sink).get(5, TimeUnit.SECONDS);
        assertThat(d.cancel(List.of("f", "never-seen"))).isEmpty();
        assertThat(sink.responsesFor("f")).hasSize(1);
    }

    @Test
    void queuedCallCancelledBeforeItStartsNeverRuns() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).maxConcurrency(1));
        CompletableFuture<Void> done = d.dispatch(toolCall(call("w", "waitsForRelease", "{}"),
                call("f", "fast", "{'n':1}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(d.cancel(List.of("f"))).containsExactly("f");
        release.countDown();
        done.get(5, TimeUnit.SECONDS);
        // The cancelled call's turn comes when w's slot frees, which can be after done; calls start in arrival
        // order, so once a later call has run, f's turn has come and gone.
        d.dispatch(toolCall(call("g", "fast", "{'n':2}")), sink).get(5, TimeUnit.SECONDS);
        sink.awaitOne("g");
        assertThat(RUNS.get()).as("runs: g alone").isEqualTo(1);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("w", "g");
    }

    @Test
    void duplicateDeliveryOfACallRunsItOnce() throws Exception {
        ToolDispatcher d = dispatcher();
        ToolCall twice = toolCall(call("dup", "fast", "{'n':1}"));
        CompletableFuture<Void> first = d.dispatch(twice, sink);
        CompletableFuture<Void> second = d.dispatch(twice, sink);
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(sink.responsesFor("dup")).hasSize(1);
    }

    @Test
    void duplicateIdWithinOneToolCallRunsOnce() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call("dup", "fast", "{'n':1}"), call("dup", "fast", "{'n':1}")), sink)
                .get(5, TimeUnit.SECONDS);
        assertThat(RUNS.get()).isEqualTo(1);
        assertThat(sink.responses()).hasSize(1);
    }

    @Test
    void callsWithoutIdsAreNeverTakenForDuplicates() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call(null, "fast", "{'n':1}"), call(null, "fast", "{'n':1}")), sink)
                .get(5, TimeUnit.SECONDS);
        assertThat(RUNS.get()).isEqualTo(2);
        assertThat(sink.responses()).hasSize(2);
    }

    @Test
    void everyCallIsAnsweredExactlyOnceWhateverHappens() throws Exception {
        ToolDispatcher d = dispatcher();
        d.dispatch(toolCall(call("ok", "fast", "{'n':1}"), call("unknown", "nope", "{}"),
                call("bad", "fast", "{'n':'x'}"), call("late", "hangs", "{}")), sink).get(5, TimeUnit.SECONDS);
        release.countDown();
        assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.responses()).extracting(FunctionResponse::id)
                .containsExactlyInAnyOrder("ok", "unknown", "bad", "late");
    }

    @Test
    void dispatchReturnsBeforeTheToolsFinish() {
        ToolDispatcher d = dispatcher();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("w", "waitsForRelease", "{}")), sink);
        assertThat(done).isNotDone();
        release.countDown();
        assertThat(done).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void closeCancelsRunningCallsAndAnswersLaterOnesUnavailable() throws Exception {
        ToolDispatcher d = dispatcher();
        CompletableFuture<Void> done = d.dispatch(toolCall(call("w", "waitsForRelease", "{}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        d.close();
        done.get(5, TimeUnit.SECONDS);
        d.dispatch(toolCall(call("after", "fast", "{'n':1}")), sink).get(5, TimeUnit.SECONDS);
        assertThat(sink.responses()).extracting(FunctionResponse::id).containsExactly("after");
        assertThat(sink.awaitOne("after").response().at("/error/type").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void toolsRunOnVirtualThreadsWhenTheJvmHasThem() throws Exception {
        ToolDispatcher d = dispatcher();
        boolean jvmHasThem = Runtime.version().feature() >= 21;
        assertThat(d.usesVirtualThreads()).isEqualTo(jvmHasThem);
        if (jvmHasThem) {
            d.dispatch(toolCall(call("t", "threadKind", "{}")), sink).get(5, TimeUnit.SECONDS);
            assertThat(sink.awaitOne("t").response().get("output").asText()).isEqualTo("virtual");
        }
    }

    @Test
    void customExecutorRunsTheCalls() throws Exception {
        AtomicInteger executed = new AtomicInteger();
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).executor(task -> {
            executed.incrementAndGet();
            new Thread(task).start();
        }));
        d.dispatch(calls("fast", 3), sink).get(5, TimeUnit.SECONDS);
        assertThat(executed.get()).isEqualTo(3);
        assertThat(d.usesVirtualThreads()).isFalse();
    }

    @Test
    void listenerSeesEveryStepWithDurations() throws Exception {
        List<CallEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).sessionId("s1").listener(events::add));
        d.dispatch(toolCall(call("a", "slow", "{'n':1}")), sink).get(5, TimeUnit.SECONDS);
        d.dispatch(toolCall(call("b", "fast", "{'n':'x'}")), sink).get(5, TimeUnit.SECONDS);
        d.dispatch(toolCall(call("a", "slow", "{'n':1}")), sink).get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> done = d.dispatch(toolCall(call("c", "waitsForRelease", "{}")), sink);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        d.cancel(Set.of("c"));
        done.get(5, TimeUnit.SECONDS);

        assertThat(events).extracting(e -> e.callId() + ":" + e.kind()).containsExactly(
                "a:QUEUED", "a:STARTED", "a:FINISHED",
                "b:QUEUED", "b:STARTED", "b:FAILED",
                "a:DUPLICATE",
                "c:QUEUED", "c:STARTED", "c:CANCELLED");
        CallEvent finished = events.get(2);
        assertThat(finished.ran()).isGreaterThanOrEqualTo(slow.minusMillis(20));
        assertThat(finished.sessionId()).isEqualTo("s1");
        assertThat(finished.toolName()).isEqualTo("slow");
        assertThat(events.get(5).error()).isEqualTo(ErrorType.INVALID_ARGUMENT);
    }

    @Test
    void queuedTimeIsReportedWhenCallsWait() throws Exception {
        List<CallEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).maxConcurrency(1).listener(events::add));
        long start = System.nanoTime();
        d.dispatch(calls("slow", 2), sink).get(5, TimeUnit.SECONDS);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(events.stream().filter(e -> e.kind() == CallEvent.Kind.STARTED).map(CallEvent::waited)
                .max(Duration::compareTo).orElseThrow()).isBetween(slow.minusMillis(20), elapsed);
    }

    @Test
    void aFailingListenerNeverBreaksDispatch() throws Exception {
        ToolDispatcher d = dispatcher(ToolDispatcher.builder(catalog).listener(e -> {
            throw new IllegalStateException("listener bug");
        }));
        d.dispatch(toolCall(call("f", "fast", "{'n':1}")), sink).get(5, TimeUnit.SECONDS);
        assertThat(sink.awaitOne("f").response().get("output").asText()).isEqualTo("fast 1");
    }

    @Test
    void aFailingSinkNeverLosesTheOtherAnswers() throws Exception {
        ToolDispatcher d = dispatcher();
        AtomicInteger attempts = new AtomicInteger();
        ResponseSink flaky = response -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("socket hiccup");
            }
            sink.send(response);
        };
        d.dispatch(calls("fast", 3), flaky).get(5, TimeUnit.SECONDS);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(sink.responses()).hasSize(2);
    }
}
