package dev.livetools.dispatch;

import static dev.livetools.dispatch.Json.call;
import static dev.livetools.dispatch.Json.json;
import static dev.livetools.dispatch.Json.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.catalog.ToolCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.ToolContext;
import dev.livetools.sdk.ToolException;
import dev.livetools.sdk.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the model receives: results wrapped as {@code output}, failures as typed {@code error} objects. */
@Timeout(10)
class ToolDispatcherResultTest {

    public record LightState(String room, int brightness, LocalTime since) {
    }

    public static final class Results {
        @LiveTool
        public String text() {
            return "hello";
        }

        @LiveTool
        public int number() {
            return 7;
        }

        @LiveTool
        public LightState state() {
            return new LightState("hall", 30, LocalTime.of(7, 30));
        }

        @LiveTool
        public List<String> rooms() {
            return List.of("hall", "kitchen");
        }

        @LiveTool
        public void reset() {
        }

        @LiveTool
        public String nothing() {
            return null;
        }

        @LiveTool
        public ToolResult wrapped() {
            return ToolResult.of(Map.of("k", 1));
        }

        @LiveTool
        public String refuse(String room) {
            throw new ToolException("No room named " + room + "; known rooms: hall", false,
                    Map.of("validRooms", List.of("hall"), "type", "ignored"));
        }

        @LiveTool
        public String busy() {
            throw new ToolException("The bridge is busy", true, Map.of());
        }

        @LiveTool
        public String crash() {
            throw new IllegalStateException("token sk-secret rejected by /home/app/config");
        }

        @LiveTool
        public CompletableFuture<LightState> later() {
            return CompletableFuture.supplyAsync(() -> new LightState("hall", 5, LocalTime.NOON));
        }

        @LiveTool
        public CompletionStage<Void> laterVoid() {
            return CompletableFuture.runAsync(() -> { });
        }

        @LiveTool
        public CompletableFuture<String> laterRefuse() {
            return CompletableFuture.supplyAsync(() -> {
                throw new ToolException("not now");
            });
        }

        @LiveTool
        public Object unwritable() {
            return new Object() {
                public String getValue() {
                    throw new IllegalStateException("cannot read");
                }
            };
        }

        @LiveTool
        public String whoAmI(ToolContext context) {
            return context.callId() + "|" + context.toolName() + "|" + context.sessionId() + "|"
                    + context.deadline().isAfter(Instant.now());
        }
    }

    private final ToolCatalog catalog = ToolCatalog.builder().addClasses(Results.class).build();
    private ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).sessionId("session-1").build();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private FunctionResponse respond(String name, String args) throws Exception {
        dispatcher.dispatch(toolCall(call("c1", name, args)), sink).get();
        return sink.awaitOne("c1");
    }

    private JsonNode answer(String name) throws Exception {
        return respond(name, "{}").response();
    }

    @Test
    void stringResultIsWrappedAsOutput() throws Exception {
        assertThat(answer("text")).isEqualTo(json("{'output':'hello'}"));
    }

    @Test
    void numberResultIsWrappedAsOutput() throws Exception {
        assertThat(answer("number")).isEqualTo(json("{'output':7}"));
    }

    @Test
    void recordResultIsSerialisedAsAnObjectWithIsoTimes() throws Exception {
        assertThat(answer("state")).isEqualTo(json(
                "{'output':{'room':'hall','brightness':30,'since':'07:30:00'}}"));
    }

    @Test
    void listResultIsWrappedAsOutput() throws Exception {
        assertThat(answer("rooms")).isEqualTo(json("{'output':['hall','kitchen']}"));
    }

    @Test
    void voidToolAnswersOk() throws Exception {
        assertThat(answer("reset")).isEqualTo(json("{'output':'ok'}"));
    }

    @Test
    void nullResultIsAnExplicitNullOutput() throws Exception {
        assertThat(answer("nothing")).isEqualTo(json("{'output':null}"));
    }

    @Test
    void toolResultIsUnwrapped() throws Exception {
        assertThat(answer("wrapped")).isEqualTo(json("{'output':{'k':1}}"));
    }

    @Test
    void answerEchoesTheCallIdAndName() throws Exception {
        FunctionResponse r = respond("text", "{}");
        assertThat(r.id()).isEqualTo("c1");
        assertThat(r.name()).isEqualTo("text");
        assertThat(r.scheduling()).isNull();
        assertThat(r.willContinue()).isNull();
    }

    @Test
    void unknownToolGetsAnErrorListingTheValidNames() throws Exception {
        JsonNode error = answer("teleport").get("error");
        assertThat(error.get("type").asText()).isEqualTo("UNKNOWN_TOOL");
        assertThat(error.get("message").asText()).startsWith("There is no tool named 'teleport'. Valid tools: busy, "
                + "crash, later,");
        assertThat(error.get("validTools")).hasSize(catalog.names().size());
        assertThat(error.get("validTools").get(0).asText()).isEqualTo("busy");
    }

    @Test
    void toolExceptionBecomesToolErrorWithItsMessageAndDetails() throws Exception {
        assertThat(respond("refuse", "{'room':'garage'}").response()).isEqualTo(json(
                "{'error':{'type':'TOOL_ERROR','message':'No room named garage; known rooms: hall',"
                        + "'retryable':false,'validRooms':['hall']}}"));
    }

    @Test
    void retryableToolExceptionSaysSo() throws Exception {
        assertThat(answer("busy")).isEqualTo(json(
                "{'error':{'type':'TOOL_ERROR','message':'The bridge is busy','retryable':true}}"));
    }

    @Test
    void unexpectedExceptionSendsItsTypeAndACorrelationIdButNotItsText() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        JsonNode error;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            error = answer("crash").get("error");
        } finally {
            System.setErr(stderr);
        }
        String id = error.get("correlationId").asText();
        assertThat(id).matches("[0-9a-f]{12}");
        assertThat(error.get("type").asText()).isEqualTo("INTERNAL");
        assertThat(error.get("exception").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("message").asText()).isEqualTo("crash failed unexpectedly (IllegalStateException); "
                + "the host's log has the details under correlation id " + id);
        assertThat(error.toString()).doesNotContain("sk-secret");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("correlation id " + id)
                .contains("token sk-secret rejected");
    }

    @Test
    void messageAsIsRedactorPassesTheExceptionTextOn() throws Exception {
        dispatcher.close();
        dispatcher = ToolDispatcher.builder(catalog).errorRedactor(ErrorRedactor.messageAsIs()).build();
        assertThat(answer("crash").at("/error/message").asText())
                .isEqualTo("token sk-secret rejected by /home/app/config");
    }

    @Test
    void errorRedactorDecidesWhatAnInternalErrorSays() throws Exception {
        dispatcher.close();
        dispatcher = ToolDispatcher.builder(catalog)
                .errorRedactor((tool, e) -> tool + " failed: " + e.getMessage().replaceAll("sk-\\w+", "***"))
                .build();
        assertThat(answer("crash").at("/error/message").asText())
                .isEqualTo("crash failed: token *** rejected by /home/app/config");
        assertThat(answer("crash").at("/error/correlationId").asText()).matches("[0-9a-f]{12}");
    }

    @Test
    void resultJacksonCannotWriteIsAnInternalError() throws Exception {
        JsonNode error = answer("unwritable").get("error");
        assertThat(error.get("type").asText()).isEqualTo("INTERNAL");
        assertThat(error.get("message").asText())
                .isEqualTo("unwritable returned a result that cannot be sent as JSON (IllegalArgumentException)");
    }

    @Test
    void asyncToolIsAnsweredWhenItsFutureCompletes() throws Exception {
        assertThat(answer("later")).isEqualTo(json(
                "{'output':{'room':'hall','brightness':5,'since':'12:00:00'}}"));
    }

    @Test
    void asyncVoidToolAnswersOk() throws Exception {
        assertThat(answer("laterVoid")).isEqualTo(json("{'output':'ok'}"));
    }

    @Test
    void asyncToolFailureIsUnwrappedFromTheFuture() throws Exception {
        assertThat(answer("laterRefuse")).isEqualTo(json(
                "{'error':{'type':'TOOL_ERROR','message':'not now','retryable':false}}"));
    }

    @Test
    void toolContextDescribesTheCall() throws Exception {
        assertThat(answer("whoAmI")).isEqualTo(json("{'output':'c1|whoAmI|session-1|true'}"));
    }

    @Test
    void callWithoutIdIsRunAndAnsweredWithoutId() throws Exception {
        dispatcher.dispatch(toolCall(call(null, "whoAmI", "{}")), sink).get();
        FunctionResponse r = sink.await(1, Duration.ofSeconds(5)).get(0);
        assertThat(r.id()).isNull();
        assertThat(r.name()).isEqualTo("whoAmI");
        assertThat(r.response().get("output").asText()).startsWith("livetools-").endsWith("|whoAmI|session-1|true");
    }

    @Test
    void recordedCallWithoutIdStillGetsItsAnswer() throws Exception {
        // sdktest-python-toolCall-without-id.json: the tool is unknown here, which must still be answered.
        dispatcher.dispatch(Json.sample("sdktest-python-toolCall-without-id.json"), sink).get();
        FunctionResponse r = sink.await(1, Duration.ofSeconds(5)).get(0);
        assertThat(r.id()).isNull();
        assertThat(r.name()).isEqualTo("get_current_weather");
        assertThat(r.response().at("/error/type").asText()).isEqualTo("UNKNOWN_TOOL");
    }

    @Test
    void recordedVertexAndMldevIdsAreEchoedVerbatim() throws Exception {
        UnaryOperator<String> idOf = file -> Json.sample(file).functionCalls().get(0).id();
        dispatcher.dispatch(Json.sample("rec-vertex-server-toolCall.json"), sink).get();
        dispatcher.dispatch(Json.sample("rec-mldev-server-toolCall.json"), sink).get();
        assertThat(sink.awaitOne(idOf.apply("rec-vertex-server-toolCall.json")).id())
                .isEqualTo("8acdafcd-9c55-44be-84da-da3d2612f9d1");
        assertThat(sink.awaitOne(idOf.apply("rec-mldev-server-toolCall.json")).id())
                .isEqualTo("function-call-5831923424298605773");
    }
}
