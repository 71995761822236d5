package dev.livetools.session;

import dev.livetools.dispatch.CallEvent;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.ToolResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.livetools.session.SessionTestSupport.CANCELLATION;
import static dev.livetools.session.SessionTestSupport.EXECUTABLE_CODE;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TOOL_CALL;
import static dev.livetools.session.SessionTestSupport.TOOL_CALL_ID;
import static dev.livetools.session.SessionTestSupport.TURN_COMPLETE_USAGE;
import static dev.livetools.session.SessionTestSupport.VERTEX_TOOL_CALL;
import static dev.livetools.session.SessionTestSupport.VERTEX_TOOL_CALL_ID;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.calls;
import static dev.livetools.session.SessionTestSupport.responseTo;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(40)
class LiveSessionToolsTest {

    private static List<FunctionResponse> responses(ScriptedLiveServer server) {
        return server.received(e -> e.message() instanceof ToolResponse).stream()
                .flatMap(e -> ((ToolResponse) e.message()).functionResponses().stream()).toList();
    }

    @Test
    void aRecordedToolCallIsRunAndAnsweredWithItsIdAndName() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendSample(EXECUTABLE_CODE).sendSample(TOOL_CALL);
            } else if (m.kind().equals("toolResponse")) {
                peer.sendSample(TURN_COMPLETE_USAGE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, events).connect()) {
            server.await(responseTo(TOOL_CALL_ID), 1, WAIT);
            FunctionResponse answer = responses(server).get(0);
            assertThat(answer.name()).isEqualTo("get_current_weather");
            assertThat(answer.response().get("result").asText()).isEqualTo("get_current_weather:" + TOOL_CALL_ID);
            events.await(SessionEvent.TurnComplete.class, t -> true);
            assertThat(events.awaitTool(CallEvent.Kind.QUEUED, TOOL_CALL_ID).elapsed()).isZero();
            assertThat(events.awaitTool(CallEvent.Kind.FINISHED, TOOL_CALL_ID).elapsed()).isPositive();
            assertThat(events.await(SessionEvent.Usage.class, u -> true).usage().totalTokenCount()).isEqualTo(553);
            assertThat(runner.runsOf(TOOL_CALL_ID)).isEqualTo(1);
        }
    }

    @Test
    void aVertexToolCallWithUuidIdRoundTrips() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample("rec-vertex-server-setupComplete-sessionId.json").sendSample(VERTEX_TOOL_CALL)
                        .sendSample("rec-vertex-server-generationComplete-after-toolCall.json");
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo(VERTEX_TOOL_CALL_ID), 1, WAIT);
        }
    }

    @Test
    void parallelCallsAreAnsweredOnceEachWhateverOrderTheyFinishIn() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(calls("a", "b", "c"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            for (String id : List.of("a", "b", "c")) {
                runner.awaitDispatched(id, WAIT);
            }
            runner.release("c");
            server.await(responseTo("c"), 1, WAIT);
            runner.release("a");
            runner.release("b");
            server.await(e -> e.message() instanceof ToolResponse, 2, WAIT);
            server.await(responseTo("b"), 1, WAIT);
            server.await(responseTo("a"), 1, WAIT);
            assertThat(responses(server)).extracting(FunctionResponse::id).containsExactlyInAnyOrder("a", "b", "c");
            for (String id : List.of("a", "b", "c")) {
                events.awaitTool(CallEvent.Kind.FINISHED, id);
            }
        }
    }

    @Test
    void theReadLoopKeepsGoingWhileAToolRuns() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(calls("slow")).sendSample(SessionTestSupport.TEXT_YEAH);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));
            assertThat(responses(server)).isEmpty();
            runner.release("slow");
            server.await(responseTo("slow"), 1, WAIT);
        }
    }

    @Test
    void aCallAnnouncedAsFunctionCallPartAndAsToolCallRunsOnce() throws Exception {
        ServerMessage part = ServerMessage.of(ServerContent.modelTurn(Part.functionCall(new FunctionCall("dup",
                "get_current_weather", JsonNodeFactory.instance.objectNode()))));
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(part).send(calls("dup")).sendSample(TURN_COMPLETE_USAGE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             EventRecorderSession s = new EventRecorderSession(builder(server, runner, new EventRecorder()))) {
            s.events.await(SessionEvent.TurnComplete.class, t -> true);
            server.await(responseTo("dup"), 1, WAIT);
            Thread.sleep(100); // a second (wrong) answer would have arrived by now
            assertThat(runner.runsOf("dup")).isEqualTo(1);
            assertThat(responses(server)).hasSize(1);
        }
    }

    @Test
    void cancellationCancelsOnlyTheListedIdsAndTheirAnswersAreNeverSent() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TOOL_CALL).send(calls("other"))
                        .sendSample(CANCELLATION).sendSample("shape-serverContent-interrupted.NOT-CAPTURED.json");
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerEvenIfCancelled();
             LiveSession session = builder(server, runner, events).connect()) {
            events.awaitTool(CallEvent.Kind.CANCELLED, TOOL_CALL_ID);
            events.await(SessionEvent.Interrupted.class, i -> true);
            assertThat(runner.cancelRequests()).containsExactly(TOOL_CALL_ID);
            runner.release("other");
            server.await(responseTo("other"), 1, WAIT);
            Thread.sleep(100);
            assertThat(responses(server)).extracting(FunctionResponse::id).containsExactly("other");
            assertThat(events.tool(CallEvent.Kind.CANCELLED)).extracting(SessionEvent.ToolCall::callId)
                    .containsExactly(TOOL_CALL_ID);
        }
    }

    @Test
    void aFailedToolIsReportedAsFailedWithItsErrorType() throws Exception {
        EventRecorder events = new EventRecorder();
        dev.livetools.dispatch.ToolRunner failing = new dev.livetools.dispatch.ToolRunner() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> dispatch(dev.livetools.protocol.ToolCall call,
                                                                        dev.livetools.dispatch.ResponseSink sink) {
                var body = JsonNodeFactory.instance.objectNode();
                body.putObject("error").put("type", "TOOL_ERROR").put("message", "sensor offline");
                FunctionCall c = call.functionCalls().get(0);
                sink.send(ToolResponse.of(FunctionResponse.of(c.id(), c.name(), body)));
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public Set<String> cancel(java.util.Collection<String> ids) {
                return Set.of();
            }

            @Override
            public void close() {
            }
        };
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TOOL_CALL);
            }
        });
             LiveSession session = builder(server, failing, events).connect()) {
            assertThat(events.awaitTool(CallEvent.Kind.FAILED, TOOL_CALL_ID).detail()).isEqualTo("TOOL_ERROR");
            server.await(responseTo(TOOL_CALL_ID), 1, WAIT);
        }
    }

    @Test
    void aNonBlockingPartialResultIsReportedAsPartialWithItsPayloadBeforeTheFinalAnswer() throws Exception {
        EventRecorder events = new EventRecorder();
        dev.livetools.dispatch.ToolRunner streaming = new dev.livetools.dispatch.ToolRunner() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> dispatch(dev.livetools.protocol.ToolCall call,
                                                                        dev.livetools.dispatch.ResponseSink sink) {
                FunctionCall c = call.functionCalls().get(0);
                var partial = JsonNodeFactory.instance.objectNode().put("status", "started");
                sink.send(ToolResponse.of(new FunctionResponse(c.id(), c.name(), partial,
                        dev.livetools.sdk.Scheduling.SILENT, true)));
                var done = JsonNodeFactory.instance.objectNode().put("output", "rang");
                sink.send(ToolResponse.of(new FunctionResponse(c.id(), c.name(), done,
                        dev.livetools.sdk.Scheduling.WHEN_IDLE, null)));
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public Set<String> cancel(java.util.Collection<String> ids) {
                return Set.of();
            }

            @Override
            public void close() {
            }
        };
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(calls("t1"));
            }
        });
             LiveSession session = builder(server, streaming, events).connect()) {
            events.awaitTool(CallEvent.Kind.FINISHED, "t1");
            assertThat(events.ofType(SessionEvent.ToolCall.class)).extracting(SessionEvent.ToolCall::stage)
                    .containsExactly(CallEvent.Kind.QUEUED, CallEvent.Kind.PARTIAL, CallEvent.Kind.FINISHED);
            assertThat(events.awaitTool(CallEvent.Kind.PARTIAL, "t1").response().path("status").asText())
                    .isEqualTo("started");
            server.await(responseTo("t1"), 2, WAIT);
        }
    }

    @Test
    void withARealDispatcherTheLedgerIsTheOneDuplicateFilter() throws Exception {
        EventRecorder events = new EventRecorder();
        List<CallEvent> dispatcherEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        FunctionCall call = new FunctionCall("d1", "get_current_weather",
                JsonNodeFactory.instance.objectNode().put("location", "Oslo"));
        try (dev.livetools.catalog.ToolCatalog catalog = dev.livetools.catalog.ToolCatalog.builder()
                .addClasses(WeatherTools.class).build();
             dev.livetools.dispatch.ToolDispatcher dispatcher = dev.livetools.dispatch.ToolDispatcher.builder(catalog)
                     .listener(dispatcherEvents::add).build();
             ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
                 if (m.kind().equals("setup")) {
                     // Gotcha 6: the same call as a functionCall part and as a toolCall
                     peer.sendSample(SETUP_COMPLETE).send(ServerMessage.of(ServerContent.modelTurn(
                             Part.functionCall(call)))).send(ServerMessage.of(new dev.livetools.protocol.ToolCall(
                             List.of(call))));
                 }
             });
             LiveSession session = SessionTestSupport.builder(server, null, events).tools(dispatcher).connect()) {
            events.awaitTool(CallEvent.Kind.FINISHED, "d1");
            server.await(responseTo("d1"), 1, WAIT);
            Thread.sleep(200);
            assertThat(responses(server)).hasSize(1);
            assertThat(dispatcherEvents).extracting(CallEvent::kind).doesNotContain(CallEvent.Kind.DUPLICATE)
                    .containsOnlyOnce(CallEvent.Kind.QUEUED);
        }
    }

    @Test
    void theDispatcherLeavesDuplicateFilteringToASinkThatSaysItDeduplicates() throws Exception {
        FunctionCall call = new FunctionCall("r1", "get_current_weather",
                JsonNodeFactory.instance.objectNode().put("location", "Oslo"));
        List<ToolResponse> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.livetools.dispatch.ResponseSink ledgerLike = new dev.livetools.dispatch.ResponseSink() {
            @Override
            public void send(ToolResponse response) {
                answers.add(response);
            }

            @Override
            public boolean deduplicatesCalls() {
                return true;
            }
        };
        try (dev.livetools.catalog.ToolCatalog catalog = dev.livetools.catalog.ToolCatalog.builder()
                .addClasses(WeatherTools.class).build();
             dev.livetools.dispatch.ToolDispatcher dispatcher = dev.livetools.dispatch.ToolDispatcher.builder(catalog)
                     .build()) {
            var message = new dev.livetools.protocol.ToolCall(List.of(call));
            dispatcher.dispatch(message, ledgerLike).get(10, java.util.concurrent.TimeUnit.SECONDS);
            // a session re-announcing after resumption decides itself; the dispatcher keeps no second memory
            dispatcher.dispatch(message, ledgerLike).get(10, java.util.concurrent.TimeUnit.SECONDS);
            List<ToolResponse> plain = new java.util.concurrent.CopyOnWriteArrayList<>();
            dispatcher.dispatch(message, plain::add).get(10, java.util.concurrent.TimeUnit.SECONDS);
            dispatcher.dispatch(message, plain::add).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answers).hasSize(2);
            assertThat(plain).hasSize(1); // a plain sink: the dispatcher's own filter catches the repeat
        }
    }

    /** A real tool for the dispatcher tests. */
    public static final class WeatherTools {
        @dev.livetools.sdk.LiveTool(name = "get_current_weather", description = "The weather in a place")
        public String weather(String location) {
            return "sunny in " + location;
        }
    }

    @Test
    void withoutARunnerACallIsAnsweredWithAnErrorSoTheModelIsNotLeftWaiting() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TOOL_CALL);
            }
        });
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            server.await(responseTo(TOOL_CALL_ID), 1, WAIT);
            assertThat(responses(server).get(0).response().at("/error/type").asText()).isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void startedIsReportedWhenTheRunnerSaysSo() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(calls("s1"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner()) {
            try (LiveSession session = builder(server, runner, events).connect()) {
                runner.awaitDispatched("s1", WAIT);
                runner.start("s1");
                events.awaitTool(CallEvent.Kind.STARTED, "s1");
                runner.release("s1");
                events.awaitTool(CallEvent.Kind.FINISHED, "s1");
                assertThat(events.ofType(SessionEvent.ToolCall.class).stream().map(SessionEvent.ToolCall::stage)
                        .collect(Collectors.toList())).containsExactly(CallEvent.Kind.QUEUED,
                        CallEvent.Kind.STARTED, CallEvent.Kind.FINISHED);
            }
        }
    }

    /** A session plus its recorder, closable in try-with-resources. */
    private static final class EventRecorderSession implements AutoCloseable {
        final EventRecorder events = new EventRecorder();
        final LiveSession session;

        EventRecorderSession(LiveSession.Builder builder) {
            this.session = builder.listener(events).connect();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
