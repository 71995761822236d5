package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.ToolContext;
import dev.livetools.tool.HostedTool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a running tool learns and may do through its {@link ToolContext}. */
@Timeout(20)
class ToolContextTest {

    private final RecordingSink sink = new RecordingSink();
    private final CountDownLatch release = new CountDownLatch(1);
    private ToolDispatcher dispatcher;

    @AfterEach
    void close() {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static FunctionDeclaration declaration(String name, String behavior) {
        return new FunctionDeclaration(name, null, behavior, null);
    }

    private ToolDispatcher dispatcher(HostedTool... tools) {
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(tools).build()).build();
        return dispatcher;
    }

    @Test
    void theDeadlineIsTheToolsTimeoutAfterTheCallArrived() throws Exception {
        CompletableFuture<Instant> seen = new CompletableFuture<>();
        dispatcher(HostedTool.of(declaration("budget", null), Duration.ofSeconds(20), (args, context) -> {
            seen.complete(context.deadline());
            return "ok";
        }));
        Instant before = Instant.now();

        dispatcher.dispatch(toolCall(call("c1", "budget", "{}")), sink);
        Instant deadline = seen.get(10, TimeUnit.SECONDS);

        assertThat(deadline).isAfterOrEqualTo(before.plusSeconds(19)).isBeforeOrEqualTo(Instant.now().plusSeconds(20));
    }

    @Test
    void aCancelCallbackRegisteredAfterCancellationRunsAtOnce() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Boolean> lateCallbackRan = new CompletableFuture<>();
        dispatcher(HostedTool.of(declaration("late", null), (args, context) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                cancelled.countDown();
            }
            boolean[] ran = {false};
            context.onCancel(() -> ran[0] = true);
            lateCallbackRan.complete(ran[0]);
            return "ignored";
        }));
        dispatcher.dispatch(toolCall(call("c1", "late", "{}")), sink);
        awaitStarted("c1");

        assertThat(dispatcher.cancel(List.of("c1"))).containsExactly("c1");

        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(lateCallbackRan.get(5, TimeUnit.SECONDS)).as("ran before onCancel returned").isTrue();
    }

    @Test
    void aPartialResultAfterCancellationIsDroppedWithoutAnError() throws Exception {
        CompletableFuture<String> partialOutcome = new CompletableFuture<>();
        dispatcher(HostedTool.of(declaration("stream", "NON_BLOCKING"), (args, context) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                // Cancelled: a tool streaming in a loop may still send once before it notices.
            }
            try {
                context.sendPartial("late news");
                partialOutcome.complete("returned");
            } catch (RuntimeException e) {
                partialOutcome.complete(e.toString());
            }
            return "final";
        }));
        dispatcher.dispatch(toolCall(call("c1", "stream", "{}")), sink);
        awaitStarted("c1");

        dispatcher.cancel(List.of("c1"));

        assertThat(partialOutcome.get(5, TimeUnit.SECONDS)).isEqualTo("returned");
        Thread.sleep(100);
        assertThat(sink.responses()).isEmpty();
    }

    @Test
    void anInterruptAToolLeftSetDoesNotStayOnTheThreadThatRanIt() throws Exception {
        HostedTool spin = HostedTool.of(declaration("spin", null), Duration.ofMillis(100), (args, context) -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return "stopped at the deadline, interrupt flag still set";
        });
        // A direct executor runs the call on the dispatching thread, as an application's own executor may.
        dispatcher = ToolDispatcher.builder(ToolCatalog.builder().addTools(spin).build()).executor(Runnable::run)
                .build();

        boolean interruptedAfter;
        try {
            dispatcher.dispatch(toolCall(call("s", "spin", "{}")), sink);
        } finally {
            interruptedAfter = Thread.interrupted();
        }

        assertThat(sink.awaitOne("s").response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(interruptedAfter).as("the dispatching thread is left interrupted").isFalse();
    }

    /** Waits until the call's method is running (the sink hears of it). */
    private void awaitStarted(String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!sink.started().contains(id) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(sink.started()).contains(id);
    }
}
