package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.catalog.ToolDiscoveryException;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.Schema;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import dev.livetools.tool.ArgumentViolation;
import dev.livetools.tool.HostedTool;
import dev.livetools.tool.InvalidArgumentsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tools built in code, without annotations, get every guarantee of the dispatcher: answered once, within their
 * deadline, cancellable, with the same error shapes as {@code @LiveTool} methods.
 */
@Timeout(20)
class HostedToolDispatchTest {

    private static FunctionDeclaration declaration(String name) {
        Schema text = Schema.of(Schema.Type.STRING);
        return new FunctionDeclaration(name, "A tool built in code", null,
                Schema.of(Schema.Type.OBJECT).withProperties(Map.of("text", text), List.of("text"), List.of("text")));
    }

    private static final HostedTool SHOUT = HostedTool.of(declaration("shout"), (args, context) -> {
        if (!args.path("text").isTextual()) {
            throw new InvalidArgumentsException(List.of(
                    new ArgumentViolation("text", "type", "must be a string", args.get("text"))));
        }
        return args.get("text").asText().toUpperCase() + " (" + context.callId() + ")";
    });

    private static FunctionResponse answer(ToolCatalog catalog, String id, String name, String args)
            throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(catalog).build()) {
            d.dispatch(toolCall(call(id, name, args)), sink).get(10, TimeUnit.SECONDS);
        }
        return sink.awaitOne(id);
    }

    @Test
    void aToolBuiltInCodeIsDeclaredAndAnsweredWithItsResult() throws Exception {
        ToolCatalog catalog = ToolCatalog.builder().addTools(SHOUT).build();
        assertThat(catalog.declarations()).containsExactly(SHOUT.declaration());
        assertThat(catalog.find("shout")).containsSame(SHOUT);
        assertThat(catalog.descriptor("shout")).isEmpty();
        assertThat(answer(catalog, "c1", "shout", "{'text':'hi'}").response())
                .isEqualTo(json("{'output':'HI (c1)'}"));
    }

    @Test
    void invalidArgumentsFromACodeToolHaveTheSameShapeAsFromAnAnnotatedOne() throws Exception {
        ToolCatalog catalog = ToolCatalog.builder().addTools(SHOUT).build();
        assertThat(answer(catalog, "c2", "shout", "{'text':5}").response()).isEqualTo(json(
                "{'error':{'type':'INVALID_ARGUMENT','message':'Invalid arguments for shout: text must be a string',"
                        + "'violations':[{'path':'text','constraint':'type','message':'must be a string',"
                        + "'rejectedValue':5}]}}"));
    }

    @Test
    void aToolExceptionFromACodeToolIsAToolError() throws Exception {
        HostedTool broken = HostedTool.of(declaration("broken"), (args, context) -> {
            throw new ToolException("the lamp is offline", true, Map.of());
        });
        assertThat(answer(ToolCatalog.builder().addTools(broken).build(), "c3", "broken", "{'text':'x'}")
                .response().at("/error")).isEqualTo(json(
                "{'type':'TOOL_ERROR','message':'the lamp is offline','retryable':true}"));
    }

    @Test
    void anyOtherExceptionFromACodeToolIsInternal() throws Exception {
        HostedTool crash = HostedTool.of(declaration("crash"), (args, context) -> {
            throw new IllegalStateException("boom");
        });
        assertThat(answer(ToolCatalog.builder().addTools(crash).build(), "c4", "crash", "{'text':'x'}").response()
                .at("/error/type").asText()).isEqualTo("INTERNAL");
    }

    @Test
    void aCodeToolsOwnDeadlineAnswersDeadlineExceededAndInterruptsIt() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        HostedTool slow = HostedTool.of(declaration("slow"), Duration.ofMillis(300), (args, context) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        });
        FunctionResponse r = answer(ToolCatalog.builder().addTools(slow).build(), "c5", "slow", "{'text':'x'}");
        assertThat(r.response().at("/error/type").asText()).isEqualTo("DEADLINE_EXCEEDED");
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCodeToolIsCancelledWithoutAnAnswer() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        HostedTool waiting = HostedTool.of(declaration("waiting"), (args, context) -> {
            context.onCancel(cancelled::countDown);
            running.countDown();
            Thread.sleep(10_000);
            return "never";
        });
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(waiting).build()).build()) {
            CompletableFuture<Void> done = d.dispatch(toolCall(call("c6", "waiting", "{'text':'x'}")), sink);
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(d.cancel(List.of("c6"))).containsExactly("c6");
            done.get(5, TimeUnit.SECONDS);
        }
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.responses()).isEmpty();
    }

    @Test
    void aCodeToolDeliveredTwiceRunsOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        HostedTool counted = HostedTool.of(declaration("counted"), (args, context) -> runs.incrementAndGet());
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(counted).build()).build()) {
            d.dispatch(toolCall(call("c7", "counted", "{'text':'x'}")), sink).get(5, TimeUnit.SECONDS);
            d.dispatch(toolCall(call("c7", "counted", "{'text':'x'}")), sink).get(5, TimeUnit.SECONDS);
        }
        assertThat(runs.get()).isEqualTo(1);
        assertThat(sink.responsesFor("c7")).hasSize(1);
    }

    @Test
    void aCodeToolMayAnswerLaterThroughAFutureWithAScheduling() throws Exception {
        HostedTool later = HostedTool.of(new FunctionDeclaration("later", null, "NON_BLOCKING", null),
                (args, context) -> CompletableFuture.supplyAsync(
                        () -> ToolResult.of(TextNode.valueOf("done")).withScheduling(
                                dev.livetools.sdk.Scheduling.INTERRUPT)));
        FunctionResponse r = answer(ToolCatalog.builder().addTools(later).build(), "c8", "later", "{}");
        assertThat(r.response()).isEqualTo(json("{'output':'done'}"));
        assertThat(r.scheduling()).isEqualTo(dev.livetools.sdk.Scheduling.INTERRUPT);
    }

    public static final class Shouter {
        @LiveTool
        public String shout(String text) {
            return text;
        }
    }

    @Test
    void aCodeToolWhoseNameClashesWithAMethodToolFailsTheCatalogNamingBoth() {
        assertThatThrownBy(() -> ToolCatalog.builder().addClasses(Shouter.class).addTools(SHOUT).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessageContaining("duplicate tool name 'shout'")
                .hasMessageContaining("Shouter.shout(String) (classpath)")
                .hasMessageContaining("shout (code)");
    }

    @Test
    void theCatalogListsCodeAndMethodToolsTogetherInNameOrder() {
        HostedTool alpha = HostedTool.of(declaration("alpha"), (args, context) -> "a");
        ToolCatalog catalog = ToolCatalog.builder().addTools(SHOUT, alpha).addClasses(Lamp.class).build();
        assertThat(catalog.names()).containsExactly("alpha", "lamp", "shout");
        assertThat(Set.copyOf(catalog.tools())).contains(SHOUT, alpha);
    }

    public static final class Lamp {
        @LiveTool
        public String lamp() {
            return "on";
        }
    }
}
