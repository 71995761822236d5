package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Scheduling;
import dev.livetools.sdk.ToolContext;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** NON_BLOCKING tools: scheduling on every answer, partial results with willContinue; BLOCKING tools neither. */
@Timeout(10)
class ToolDispatcherNonBlockingTest {

    static volatile ToolContext lastContext;

    public static final class Background {
        @LiveTool(behavior = Behavior.NON_BLOCKING, scheduling = Scheduling.SILENT)
        public String index() {
            return "indexed";
        }

        @LiveTool(behavior = Behavior.NON_BLOCKING)
        public ToolResult alarm() {
            return ToolResult.of("smoke in the kitchen").withScheduling(Scheduling.INTERRUPT);
        }

        @LiveTool(behavior = Behavior.NON_BLOCKING, scheduling = Scheduling.WHEN_IDLE)
        public String download(ToolContext context) {
            for (int percent : new int[] {25, 50, 75}) {
                context.sendPartial(percent + "%");
            }
            lastContext = context;
            return "100%";
        }

        @LiveTool(behavior = Behavior.NON_BLOCKING)
        public String progress(ToolContext context) {
            context.sendPartial("halfway", Scheduling.SILENT);
            return "done";
        }

        @LiveTool(behavior = Behavior.NON_BLOCKING, scheduling = Scheduling.INTERRUPT)
        public String failsInBackground() {
            throw new ToolException("sensor offline");
        }

        @LiveTool
        public ToolResult blocking() {
            return ToolResult.of("now").withScheduling(Scheduling.INTERRUPT);
        }

        @LiveTool
        public String blockingPartial(ToolContext context) {
            context.sendPartial("nope");
            return "unreachable";
        }
    }

    private final ToolDispatcher dispatcher = ToolDispatcher.builder(ToolCatalog.builder()
            .addClasses(Background.class).build()).build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private List<FunctionResponse> run(String name) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, "{}")), sink).get(5, TimeUnit.SECONDS);
        return sink.responsesFor("c1");
    }

    @Test
    void nonBlockingAnswerCarriesTheAnnotationScheduling() throws Exception {
        FunctionResponse r = run("index").get(0);
        assertThat(r.scheduling()).isEqualTo(Scheduling.SILENT);
        assertThat(r.willContinue()).isNull();
    }

    @Test
    void toolResultOverridesTheScheduling() throws Exception {
        assertThat(run("alarm").get(0).scheduling()).isEqualTo(Scheduling.INTERRUPT);
    }

    @Test
    void nonBlockingToolStreamsThreePartialResultsThenAFinalOne() throws Exception {
        List<FunctionResponse> rs = run("download");
        assertThat(rs).extracting(r -> r.response().get("output").asText())
                .containsExactly("25%", "50%", "75%", "100%");
        assertThat(rs).extracting(FunctionResponse::willContinue).containsExactly(true, true, true, false);
        assertThat(rs).extracting(FunctionResponse::scheduling).containsOnly(Scheduling.WHEN_IDLE);
        assertThat(sink.messages()).as("each partial goes out at once, in its own message").hasSize(4);
    }

    @Test
    void partialResultCanChooseItsOwnScheduling() throws Exception {
        assertThat(run("progress")).extracting(FunctionResponse::scheduling)
                .containsExactly(Scheduling.SILENT, Scheduling.WHEN_IDLE);
    }

    @Test
    void partialResultAfterTheFinalAnswerIsRejected() throws Exception {
        run("download");
        assertThatThrownBy(() -> lastContext.sendPartial("101%")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already been answered");
        assertThat(sink.responsesFor("c1")).hasSize(4);
    }

    @Test
    void partialResultsStillStreamInBatchedMode() throws Exception {
        try (ToolDispatcher batched = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Background.class)
                .build()).responseMode(ResponseMode.BATCHED).build()) {
            batched.dispatch(toolCall(call("d", "download", "{}"), call("i", "index", "{}")), sink)
                    .get(5, TimeUnit.SECONDS);
        }
        assertThat(sink.messages()).hasSize(4);
        assertThat(sink.messages().get(3).functionResponses()).extracting(FunctionResponse::id)
                .containsExactly("d", "i");
    }

    @Test
    void nonBlockingErrorsCarryTheSchedulingToo() throws Exception {
        FunctionResponse r = run("failsInBackground").get(0);
        assertThat(r.response().at("/error/type").asText()).isEqualTo("TOOL_ERROR");
        assertThat(r.scheduling()).isEqualTo(Scheduling.INTERRUPT);
    }

    @Test
    void blockingToolNeverCarriesSchedulingOrWillContinue() throws Exception {
        FunctionResponse r = run("blocking").get(0);
        assertThat(r.response()).isEqualTo(json("{'output':'now'}"));
        assertThat(r.scheduling()).isNull();
        assertThat(r.willContinue()).isNull();
    }

    @Test
    void blockingToolCannotSendPartialResults() throws Exception {
        List<FunctionResponse> rs = run("blockingPartial");
        assertThat(rs).hasSize(1);
        assertThat(rs.get(0).response().at("/error/exception").asText())
                .isEqualTo(IllegalStateException.class.getName());
        // What it said ("... is BLOCKING; only NON_BLOCKING tools can send partial results") is in the host's log.
        assertThat(rs.get(0).response().at("/error/correlationId").asText()).matches("[0-9a-f]{12}");
    }
}
