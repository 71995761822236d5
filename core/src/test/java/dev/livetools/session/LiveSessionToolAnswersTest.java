package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.calls;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.responseTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.dispatch.CallEvent;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who answers a call and how the answer is reported: the runner, the application itself, or the session. */
@Timeout(40)
class LiveSessionToolAnswersTest {

    private static List<FunctionResponse> responses(ScriptedLiveServer server) {
        return server.received(e -> e.message() instanceof ToolResponse).stream()
                .flatMap(e -> ((ToolResponse) e.message()).functionResponses().stream()).toList();
    }

    private static ScriptedLiveServer serverCalling(String... ids) {
        return new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(calls(ids));
            } else if (m instanceof ClientContent) {
                peer.send(ServerMessage.of(ServerContent.text("pong")));
            }
        });
    }

    private static ToolResponse answer(String id, ObjectNode body) {
        return ToolResponse.of(FunctionResponse.of(id, "get_current_weather", body));
    }

    @Test
    void aCallWithoutAnIdIsRunAndAnsweredWithoutAnId() throws Exception {
        EventRecorder events = new EventRecorder();
        FunctionCall anonymous = new FunctionCall(null, "get_current_weather",
                JsonNodeFactory.instance.objectNode().put("location", "Oslo"));
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(ServerMessage.of(new ToolCall(List.of(anonymous))));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, events).connect()) {
            server.await(e -> e.message() instanceof ToolResponse, 1, WAIT);

            assertThat(responses(server)).singleElement().satisfies(r -> {
                assertThat(r.id()).isNull();
                assertThat(r.response().get("result").asText()).isEqualTo("get_current_weather:null");
            });
            events.await(SessionEvent.ToolCall.class, t -> t.stage() == CallEvent.Kind.FINISHED);
            assertThat(events.ofType(SessionEvent.ToolCall.class)).extracting(SessionEvent.ToolCall::stage)
                    .containsExactly(CallEvent.Kind.QUEUED, CallEvent.Kind.FINISHED);
        }
    }

    @Test
    void callsARunnerRefusesToStartAreAnsweredUnavailable() throws Exception {
        ToolRunner refusing = new ToolRunner() {
            @Override
            public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
                throw new java.util.concurrent.RejectedExecutionException("the pool is shut down");
            }

            @Override
            public Set<String> cancel(Collection<String> ids) {
                return Set.of();
            }

            @Override
            public void close() {
            }
        };
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverCalling("a", "b");
             LiveSession session = builder(server, refusing, events).connect()) {
            server.await(responseTo("b"), 1, WAIT);

            assertThat(responses(server)).extracting(FunctionResponse::id).containsExactly("a", "b");
            assertThat(responses(server)).allSatisfy(r -> {
                assertThat(r.response().at("/error/type").asText()).isEqualTo("UNAVAILABLE");
                assertThat(r.response().at("/error/message").asText())
                        .isEqualTo("the tool host could not start the call");
            });
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "a").detail()).isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void theApplicationsOwnAnswerSettlesTheCallAndTheRunnersLaterAnswerIsDropped() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverCalling("c1");
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            runner.awaitDispatched("c1", WAIT);

            session.send(answer("c1", JsonNodeFactory.instance.objectNode().put("output", "from the app")));
            server.await(responseTo("c1"), 1, WAIT);
            runner.release("c1");
            runner.awaitAnswered("c1", WAIT);
            session.sendText("ping");
            events.await(SessionEvent.Text.class, t -> t.text().equals("pong"));

            assertThat(responses(server)).singleElement()
                    .satisfies(r -> assertThat(r.response().get("output").asText()).isEqualTo("from the app"));
            assertThat(events.tool(CallEvent.Kind.FINISHED)).hasSize(1);
        }
    }

    @Test
    void anAnswerForAnIdTheSessionNeverSawIsSentAsIs() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverCalling();
             LiveSession session = builder(server, null, events).connect()) {
            session.send(answer("ghost", JsonNodeFactory.instance.objectNode().put("output", "late")));
            server.await(responseTo("ghost"), 1, WAIT);
            session.send(answer("ghost-2", JsonNodeFactory.instance.objectNode().put("output", "later")));
            server.await(responseTo("ghost-2"), 1, WAIT);

            assertThat(responses(server)).extracting(FunctionResponse::id).as("each sent once")
                    .containsExactly("ghost", "ghost-2");
            assertThat(events.tool(CallEvent.Kind.FINISHED)).isEmpty();
        }
    }

    @Test
    void anErrorAnswerIsReportedByItsTypeOrElseItsMessageOrElseItsText() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverCalling("text", "message", "other");
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            runner.awaitDispatched("other", WAIT);
            ObjectNode text = JsonNodeFactory.instance.objectNode().put("error", "sensor offline");
            ObjectNode message = JsonNodeFactory.instance.objectNode();
            message.putObject("error").put("message", "no such room");
            ObjectNode other = JsonNodeFactory.instance.objectNode();
            other.putObject("error").put("code", 7);

            session.send(answer("text", text));
            session.send(answer("message", message));
            session.send(answer("other", other));

            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "text").detail()).isEqualTo("sensor offline");
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "message").detail()).isEqualTo("no such room");
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "other").detail()).isEqualTo("{\"code\":7}");
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, "other").response()).isEqualTo(other);
        }
    }

    @Test
    void startedIsNotReportedForACallAlreadyAnswered() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = serverCalling("s1");
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            runner.awaitDispatched("s1", WAIT);
            session.send(answer("s1", JsonNodeFactory.instance.objectNode().put("output", "done")));
            events.awaitTool(CallEvent.Kind.FINISHED, "s1");

            runner.start("s1");
            session.sendText("ping");
            events.await(SessionEvent.Text.class, t -> t.text().equals("pong"));

            assertThat(events.tool(CallEvent.Kind.STARTED)).isEmpty();
        }
    }

    @Test
    void aSessionWithoutToolsTakesACancellationInItsStride() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).sendSample(SessionTestSupport.TOOL_CALL)
                        .sendSample(SessionTestSupport.CANCELLATION).sendSample(SessionTestSupport.TEXT_YEAH);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));

            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            server.await(responseTo(SessionTestSupport.TOOL_CALL_ID), 1, WAIT);
        }
    }

    @Test
    void anUnreadableCallAnnouncedAgainAfterResumptionIsAnsweredAgain() throws Exception {
        String badCall = "{\"toolCall\":{\"functionCalls\":[{\"id\":\"bad\",\"name\":\"get_current_weather\","
                + "\"args\":[1]}]}}";
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendRawBinary(badCall);
            } else if (m instanceof ToolResponse && peer.connection == 1) {
                peer.sendSample("rec-mldev-server-generationComplete.json").drop();
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).sendRawBinary(badCall);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            List<ScriptedLiveServer.Event> answers = server.await(responseTo("bad"), 2, WAIT);

            assertThat(answers).extracting(ScriptedLiveServer.Event::connection).containsExactly(1, 2);
            assertThat(runner.runsOf("bad")).isZero();
        }
    }

    @Test
    void anAnswerWrittenToTheOldConnectionJustBeforeAHandoverIsSentAgainOnTheNewOne() throws Exception {
        CompletableFuture<ScriptedLiveServer> self = new CompletableFuture<>();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1"))
                        .sendSample(SessionTestSupport.GO_AWAY);
            } else if (m instanceof Setup) {
                // the replacement completes its setup only once the answer reached connection 1, with no frame after
                CompletableFuture.runAsync(() -> {
                    try {
                        self.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                                .await(e -> e.connection() == 1 && responseTo("c1").test(e), 1, WAIT);
                        peer.sendSample(SETUP_COMPLETE);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        })) {
            self.complete(server);
            EventRecorder events = new EventRecorder();
            try (ScriptedToolRunner runner = new ScriptedToolRunner();
                 LiveSession session = builder(server, runner, events).connect()) {
                events.awaitState(ConnectionState.HANDING_OVER);
                runner.release("c1");

                // connection 1 never confirmed it: it may not have reached the model before the handover
                List<ScriptedLiveServer.Event> answers = server.await(responseTo("c1"), 2, WAIT);
                assertThat(answers).extracting(ScriptedLiveServer.Event::connection).containsExactly(1, 2);
                assertThat(runner.runsOf("c1")).isEqualTo(1);
            }
        }
    }
}
