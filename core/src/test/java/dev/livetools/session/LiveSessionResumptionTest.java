package dev.livetools.session;

import dev.livetools.dispatch.CallEvent;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.livetools.session.SessionTestSupport.GO_AWAY;
import static dev.livetools.session.SessionTestSupport.RESUMPTION_HANDLE;
import static dev.livetools.session.SessionTestSupport.RESUMPTION_UPDATE;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TEXT_YEAH;
import static dev.livetools.session.SessionTestSupport.TOOL_CALL;
import static dev.livetools.session.SessionTestSupport.TOOL_CALL_ID;
import static dev.livetools.session.SessionTestSupport.TURN_COMPLETE_USAGE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.calls;
import static dev.livetools.session.SessionTestSupport.closeOf;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.responseTo;
import static dev.livetools.session.SessionTestSupport.setupOn;
import static org.assertj.core.api.Assertions.assertThat;

/** goAway handover, reconnects, and the call ledger's guarantees. */
@Timeout(40)
class LiveSessionResumptionTest {

    private static List<ScriptedLiveServer.Event> answersTo(ScriptedLiveServer server, String id) {
        return server.received(responseTo(id));
    }

    private static String handleIn(ScriptedLiveServer.Event setupEvent) {
        Setup s = (Setup) setupEvent.message();
        return s.sessionResumption() == null ? null : s.sessionResumption().handle();
    }

    @Test
    void goAwayOpensTheReplacementWithTheHandleBeforeTheOldClosesAndNoCallIsLostOrDuplicated() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).sendSample(RESUMPTION_UPDATE).sendSample(TOOL_CALL)
                        .sendSample(GO_AWAY);
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            } else if (m instanceof ToolResponse) {
                peer.sendSample(TURN_COMPLETE_USAGE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            runner.awaitDispatched(TOOL_CALL_ID, WAIT);
            ScriptedLiveServer.Event secondSetup = server.await(setupOn(2), 1, WAIT).get(0);
            assertThat(handleIn(secondSetup)).isEqualTo(RESUMPTION_HANDLE);
            ScriptedLiveServer.Event oldClosed = server.await(closeOf(1), 1, WAIT).get(0);
            assertThat(secondSetup.sequence()).as("replacement opened before the old connection closed")
                    .isLessThan(oldClosed.sequence());
            events.awaitState(ConnectionState.RESUMED);

            runner.release(TOOL_CALL_ID);
            events.await(SessionEvent.TurnComplete.class, t -> true);
            assertThat(answersTo(server, TOOL_CALL_ID)).extracting(ScriptedLiveServer.Event::connection)
                    .containsExactly(2);
            assertThat(runner.runsOf(TOOL_CALL_ID)).isEqualTo(1);
            assertThat(events.tool(CallEvent.Kind.UNANSWERED)).isEmpty();
        }
    }

    @Test
    void anAnswerFinishedWhileDisconnectedIsDeliveredAfterResumption() throws Exception {
        EventRecorder events = new EventRecorder();
        ScriptedToolRunner runner = new ScriptedToolRunner();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1")).drop();
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, runner, events)
                     .listener(e -> {
                         // finish the tool exactly while the session is between connections
                         if (e instanceof SessionEvent.Connection c && c.state() == ConnectionState.RECONNECTING) {
                             runner.release("c1");
                         }
                     })
                     .reconnect(Duration.ofMillis(150), Duration.ofMillis(300), 5).connect()) {
            events.awaitTool(CallEvent.Kind.FINISHED, "c1");
            server.await(responseTo("c1"), 1, WAIT);
            assertThat(handleIn(server.await(setupOn(2), 1, WAIT).get(0))).isEqualTo("h1");
            assertThat(answersTo(server, "c1")).extracting(ScriptedLiveServer.Event::connection).containsExactly(2);
            assertThat(runner.runsOf("c1")).isEqualTo(1);
        } finally {
            runner.close();
        }
    }

    @Test
    void dropDuringARunningToolReconnectsWithTheHandleAndAnswersOnTheNewConnection() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1")).close(1011,
                        "Internal error encountered.");
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            events.awaitState(ConnectionState.RESUMED);
            runner.release("c1");
            server.await(responseTo("c1"), 1, WAIT);
            assertThat(answersTo(server, "c1")).extracting(ScriptedLiveServer.Event::connection).containsExactly(2);
            assertThat(events.await(SessionEvent.Connection.class,
                    c -> c.state() == ConnectionState.RECONNECTING).detail()).contains("1011");
        }
    }

    @Test
    void anAnswerWrittenToASocketThatDroppedBeforeAnyLaterFrameIsSentAgainAfterResumption() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1"));
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            } else if (m instanceof ToolResponse && peer.connection == 1) {
                peer.drop(); // read by the server's socket, but nothing after it: the client cannot know
            } else if (m instanceof ToolResponse) {
                peer.sendSample(TURN_COMPLETE_USAGE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo("c1"), 2, WAIT);
            assertThat(answersTo(server, "c1")).extracting(ScriptedLiveServer.Event::connection)
                    .containsExactly(1, 2);
            assertThat(runner.runsOf("c1")).isEqualTo(1);
        }
    }

    @Test
    void anAnswerConfirmedByALaterFrameIsNotSentAgain() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1"));
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TEXT_YEAH);
            } else if (m instanceof ToolResponse && peer.connection == 1) {
                peer.sendSample("rec-mldev-server-generationComplete.json").drop();
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, events).connect()) {
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));
            // anything resent would have been written to connection 2 before this
            session.sendRealtimeText("marker");
            server.await(e -> e.connection() == 2 && e.message() instanceof dev.livetools.protocol.RealtimeInput, 1,
                    WAIT);
            assertThat(answersTo(server, "c1")).extracting(ScriptedLiveServer.Event::connection).containsExactly(1);
        }
    }

    @Test
    void aCallTheServerAnnouncesAgainAfterResumptionIsAnsweredFromTheLedgerNotRunAgain() throws Exception {
        AtomicBoolean reannounced = new AtomicBoolean();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1"));
            } else if (m instanceof ToolResponse && peer.connection == 1) {
                peer.sendSample("rec-mldev-server-generationComplete.json").drop();
            } else if (m instanceof Setup) {
                reannounced.set(true);
                peer.sendSample(SETUP_COMPLETE).send(calls("c1"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            server.await(responseTo("c1"), 2, WAIT);
            assertThat(reannounced).isTrue();
            assertThat(answersTo(server, "c1")).extracting(ScriptedLiveServer.Event::connection)
                    .containsExactly(1, 2);
            assertThat(runner.runsOf("c1")).isEqualTo(1);
        }
    }

    @Test
    void withoutAResumptionHandleARunningCallIsReportedUnansweredAndCancelled() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(calls("c1")).drop();
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            SessionEvent.ToolCall unanswered = events.awaitTool(CallEvent.Kind.UNANSWERED, "c1");
            assertThat(unanswered.detail()).contains("no resumption handle");
            assertThat(handleIn(server.await(setupOn(2), 1, WAIT).get(0))).isNull();
            events.await(SessionEvent.Connection.class, c -> c.state() == ConnectionState.CONNECTED
                    && c.detail().contains("new session"));
            assertThat(runner.cancelRequests()).contains("c1");
        }
    }

    @Test
    void aNonResumableUpdateKeepsTheLastGoodHandle() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("good"))
                        .sendRawBinary("{\"sessionResumptionUpdate\":{\"resumable\":false}}").drop();
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            assertThat(handleIn(server.await(setupOn(2), 1, WAIT).get(0))).isEqualTo("good");
        }
    }

    @Test
    void aStaleHandleStartsANewSessionWithoutIt() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("stale")).drop();
            } else if (handleIn(new ScriptedLiveServer.Event(0, 0, "", m, "")) != null) {
                peer.close(1008, "BidiGenerateContent session not found");
            } else {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.Connection.class, c -> c.state() == ConnectionState.CONNECTED
                    && c.detail().contains("new session"));
            List<ScriptedLiveServer.Event> setups = server.received(e -> e.message() instanceof Setup);
            assertThat(setups).extracting(LiveSessionResumptionTest::handleIn).containsExactly(null, "stale", null);
        }
    }

    @Test
    void aNonRetryableCloseEndsTheSessionAndReportsOpenCalls() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).send(calls("c1"))
                        .close(1007, "Request contains an invalid argument.");
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).connect()) {
            events.awaitState(ConnectionState.CLOSED);
            events.awaitTool(CallEvent.Kind.UNANSWERED, "c1");
            session.closed().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(server.received(setupOn(2))).isEmpty();
            assertThat(session.state()).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void reconnectingGivesUpAfterTheConfiguredAttempts() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).drop();
            } else {
                peer.drop();
            }
        });
             LiveSession session = builder(server, null, events)
                     .reconnect(Duration.ofMillis(5), Duration.ofMillis(10), 3).connect()) {
            assertThat(events.awaitState(ConnectionState.CLOSED).detail()).contains("gave up after 3");
            assertThat(server.received(e -> e.message() instanceof Setup)).hasSize(4);
        }
    }

    @Test
    void closingTheSessionReportsRunningCallsAsUnansweredAndCancelsThem() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(calls("c1"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner()) {
            try (LiveSession session = builder(server, runner, events).connect()) {
                runner.awaitDispatched("c1", WAIT);
                session.close();
                assertThat(events.awaitTool(CallEvent.Kind.UNANSWERED, "c1").detail()).contains("closed");
                assertThat(runner.cancelRequests()).containsExactly("c1");
                server.await(closeOf(1), 1, WAIT);
            }
        }
    }


    @Test
    void closingAfterAnAnswerWasWrittenReportsNothingUnanswered() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(calls("c1"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce()) {
            try (LiveSession session = builder(server, runner, events).connect()) {
                server.await(responseTo("c1"), 1, WAIT);
                session.close();
                session.closed().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                events.awaitState(ConnectionState.CLOSED);
                assertThat(events.tool(CallEvent.Kind.UNANSWERED)).isEmpty();
            }
        }
    }
}
