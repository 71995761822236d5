package dev.livetools.session;

import dev.livetools.dispatch.CallEvent;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.responseTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One bad entry in a toolCall frame must not take its siblings down (issue 12, fault 3): the valid calls run, a
 * malformed one with an id is answered INVALID_ARGUMENT, one without an id is reported; nothing is dropped silently.
 */
@Timeout(40)
class LiveSessionMalformedCallsTest {

    private static final String GOOD = "{\"id\":\"good-1\",\"name\":\"get_current_weather\",\"args\":{\"location\":\"Oslo\"}}";

    private static String frame(String... entries) {
        return "{\n  \"toolCall\": {\n    \"functionCalls\": [" + String.join(",", entries) + "]\n  }\n}\n";
    }

    private static List<FunctionResponse> responses(ScriptedLiveServer server) {
        return server.received(e -> e.message() instanceof ToolResponse).stream()
                .flatMap(e -> ((ToolResponse) e.message()).functionResponses().stream()).toList();
    }

    private static ScriptedLiveServer serverSending(String toolCallFrame) {
        return new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendRawBinary(toolCallFrame);
            }
        });
    }

    @Test
    void aValidCallRunsWhenASiblingHasArgsThatAreNotAnObject() throws Exception {
        try (ScriptedLiveServer server = serverSending(frame(GOOD,
                "{\"id\":\"bad-args\",\"name\":\"get_current_weather\",\"args\":\"Oslo\"}"));
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo("good-1"), 1, WAIT);

            assertThat(runner.runsOf("good-1")).isEqualTo(1);
        }
    }

    @Test
    void aMalformedCallWithAnIdIsAnsweredInvalidArgumentNamingTheProblem() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverSending(frame(GOOD,
                "{\"id\":\"bad-args\",\"name\":\"get_current_weather\",\"args\":[1,2]}"));
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, events).connect()) {
            server.await(responseTo("bad-args"), 1, WAIT);

            FunctionResponse answer = responses(server).stream().filter(r -> r.id().equals("bad-args")).findFirst()
                    .orElseThrow();
            assertThat(answer.name()).isEqualTo("get_current_weather");
            assertThat(answer.response().at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(answer.response().at("/error/message").asText())
                    .contains("toolCall.functionCalls[1].args").contains("expected a JSON object, got an array");
            assertThat(runner.runsOf("bad-args")).isZero();
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "bad-args").detail())
                    .isEqualTo("INVALID_ARGUMENT");
            assertThat(events.ofType(SessionEvent.ToolCall.class)).filteredOn(t -> "bad-args".equals(t.callId()))
                    .extracting(SessionEvent.ToolCall::stage).containsExactly(CallEvent.Kind.QUEUED,
                            CallEvent.Kind.FAILED);
        }
    }

    @Test
    void aCallWithoutANameIsAnsweredWhenItHasAnId() throws Exception {
        try (ScriptedLiveServer server = serverSending(frame("{\"id\":\"no-name\",\"args\":{}}", GOOD));
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo("no-name"), 1, WAIT);
            server.await(responseTo("good-1"), 1, WAIT);

            assertThat(responses(server)).filteredOn(r -> r.id().equals("no-name")).singleElement()
                    .satisfies(r -> assertThat(r.response().at("/error/message").asText())
                            .contains("functionCalls[0].name"));
        }
    }

    @Test
    void aNumericIdIsEchoedAsTextInTheInvalidArgumentAnswer() throws Exception {
        try (ScriptedLiveServer server = serverSending(frame(GOOD,
                "{\"id\":7,\"name\":\"get_current_weather\",\"args\":{}}"));
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo("7"), 1, WAIT);
            server.await(responseTo("good-1"), 1, WAIT);

            assertThat(responses(server)).filteredOn(r -> r.id().equals("7")).singleElement()
                    .satisfies(r -> assertThat(r.response().at("/error/type").asText()).isEqualTo("INVALID_ARGUMENT"));
        }
    }

    @Test
    void aNullEntryHasNoIdSoItIsReportedAsAnEventAndItsSiblingsStillRun() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverSending(frame("null", GOOD, "42"));
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, events).connect()) {
            server.await(responseTo("good-1"), 1, WAIT);

            assertThat(events.await(SessionEvent.MalformedFrame.class,
                    f -> f.problem().contains("toolCall.functionCalls[0]")).problem())
                    .contains("expected a JSON object, got null").contains("cannot be answered");
            assertThat(events.await(SessionEvent.MalformedFrame.class,
                    f -> f.problem().contains("toolCall.functionCalls[2]")).problem())
                    .contains("got a number");
            assertThat(responses(server)).extracting(FunctionResponse::id).containsExactly("good-1");
        }
    }
}
