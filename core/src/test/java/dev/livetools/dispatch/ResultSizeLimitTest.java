package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.sdk.LiveTool;
import dev.livetools.tool.HostedTool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An oversized result fails its own call with TOOL_ERROR naming size and limit, instead of a frame the service
 * refuses (which ends the session and leaves every outstanding call unanswered).
 */
@Timeout(30)
class ResultSizeLimitTest {

    public static final class Reports {
        @LiveTool
        public String huge() {
            return "x".repeat(20 * 1024 * 1024);
        }

        @LiveTool
        public List<Map<String, String>> rows(int count) {
            return java.util.stream.IntStream.range(0, count).mapToObj(i -> Map.of("row", "r" + i)).toList();
        }

        @LiveTool
        public String small() {
            return "fine";
        }
    }

    @Test
    void aTwentyMegabyteResultIsAToolErrorForThatCallOnlyNamingSizeAndLimit() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Reports.class).build())
                .build()) {
            d.dispatch(toolCall(call("h", "huge", "{}"), call("s", "small", "{}")), sink).get(20, TimeUnit.SECONDS);
        }
        assertThat(sink.awaitOne("h").response().toString()).isEqualTo(json("{'error':{'type':'TOOL_ERROR',"
                + "'message':'huge produced a result of 20971522 bytes, more than the 1048576 bytes a result may have;"
                + " ask for less (a page, a summary)','retryable':false,'resultBytes':20971522,"
                + "'limitBytes':1048576}}").toString());
        assertThat(sink.awaitOne("s").response()).isEqualTo(json("{'output':'fine'}"));
    }

    @Test
    void theLimitCountsTheJsonOfStructuredResultsAndIsConfigurable() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addClasses(Reports.class).build())
                .maxResultBytes(1000).build()) {
            d.dispatch(toolCall(call("few", "rows", "{'count':10}"), call("many", "rows", "{'count':200}")), sink)
                    .get(20, TimeUnit.SECONDS);
        }
        assertThat(sink.awaitOne("few").response().at("/output").size()).isEqualTo(10);
        assertThat(sink.awaitOne("many").response().at("/error/type").asText()).isEqualTo("TOOL_ERROR");
        assertThat(sink.awaitOne("many").response().at("/error/resultBytes").asLong()).isGreaterThan(1000);
    }

    @Test
    void anOversizedPartialResultIsRefusedToTheToolAndTheCallStillAnswers() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        HostedTool streaming = HostedTool.of(new FunctionDeclaration("streaming", null, "NON_BLOCKING", null),
                (args, context) -> {
                    try {
                        context.sendPartial("y".repeat(5000));
                    } catch (IllegalArgumentException e) {
                        refused.set(e);
                    }
                    return "done";
                });
        RecordingSink sink = new RecordingSink();
        try (ToolDispatcher d = ToolDispatcher.builder(ToolCatalog.builder().addTools(streaming).build())
                .maxResultBytes(1000).build()) {
            d.dispatch(toolCall(call("p", "streaming", "{}")), sink).get(20, TimeUnit.SECONDS);
        }
        assertThat(refused.get()).hasMessage("streaming: a partial result of 5002 bytes is more than the 1000 bytes"
                + " a result may have");
        assertThat(sink.awaitOne("p").response()).isEqualTo(json("{'output':'done'}"));
    }

    @Test
    void theLimitMustBePositive() {
        ToolDispatcher.Builder builder = ToolDispatcher.builder(ToolCatalog.builder().build());
        assertThatThrownBy(() -> builder.maxResultBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
