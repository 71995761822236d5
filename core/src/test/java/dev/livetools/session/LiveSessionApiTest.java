package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.setupOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.RealtimeInput;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The application's side of a session: turns, sends while connected, reconnecting or closed, and what it exposes. */
@Timeout(40)
class LiveSessionApiTest {

    /** A server that answers every user turn with the turn's text, upper-cased, and turnComplete. */
    private static ScriptedLiveServer echoServer() {
        return new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            } else if (m instanceof ClientContent c) {
                String said = c.turns().get(0).parts().get(0).text();
                peer.send(ServerMessage.of(ServerContent.text(said.toUpperCase(java.util.Locale.ROOT))))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            }
        });
    }

    @Test
    void sendTurnCompletesWithTheModelsAnswerAndTurnsGoOneAtATime() throws Exception {
        try (ScriptedLiveServer server = echoServer();
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            CompletableFuture<ModelTurn> first = session.sendTurn("one");
            CompletableFuture<ModelTurn> second = session.sendTurn("two");

            assertThat(first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text()).isEqualTo("ONE");
            assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).text()).isEqualTo("TWO");
            assertThat(server.received(e -> e.message() instanceof ClientContent))
                    .extracting(e -> ((ClientContent) e.message()).turns().get(0).parts().get(0).text())
                    .containsExactly("one", "two");
        }
    }

    @Test
    void aTurnStillWaitingWhenTheSessionClosesFailsWithTheReason() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            CompletableFuture<ModelTurn> turn = session.sendTurn("anyone there?");
            server.await(e -> e.message() instanceof ClientContent, 1, WAIT);

            session.close();

            assertThatThrownBy(() -> turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .hasCauseInstanceOf(LiveSessionException.class).hasMessageContaining("closed by the application");
        }
    }

    @Test
    void sendingOnAClosedSessionIsRefusedNamingTheSession() throws Exception {
        try (ScriptedLiveServer server = echoServer()) {
            LiveSession session = builder(server, null, new EventRecorder()).connect();
            session.close();

            assertThatThrownBy(() -> session.sendText("late")).isInstanceOf(IllegalStateException.class)
                    .hasMessageMatching("livetools-session-\\d+ is closed");
            assertThat(session.state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(session.closed()).isDone();
        }
    }

    @Test
    void setupIsTheSessionsOwnAndCannotBeSentByHand() throws Exception {
        try (ScriptedLiveServer server = echoServer();
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            assertThatThrownBy(() -> session.send(session.setup())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("configure it on the builder");
            assertThat(server.received(e -> e.message() instanceof Setup)).hasSize(1);
        }
    }

    @Test
    void theResumptionHandleAndStateAreExposed() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h-42")).sendSample(SessionTestSupport.TEXT_YEAH);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.Text.class, t -> true);

            assertThat(session.resumptionHandle()).contains("h-42");
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(session.sessionId()).as("the Gemini API sends none").isEmpty();
            assertThat(session.closed()).isNotDone();
        }
    }

    @Test
    void aListenerAddedLaterSeesTheEventsFromThenOn() throws Exception {
        try (ScriptedLiveServer server = echoServer();
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            EventRecorder late = new EventRecorder();
            session.addListener(late);

            session.sendText("hi");

            assertThat(late.await(SessionEvent.Text.class, t -> true).text()).isEqualTo("HI");
            assertThat(late.ofType(SessionEvent.Connection.class)).as("CONNECTED was before").isEmpty();
        }
    }

    @Test
    void whileReconnectingTextIsQueuedForTheNextConnectionAndMediaIsDropped() throws Exception {
        EventRecorder events = new EventRecorder();
        AtomicReference<LiveSession> sessionRef = new AtomicReference<>();
        CompletableFuture<Void> sentWhileAway = new CompletableFuture<>();
        CompletableFuture<ConnectionState> stateWhileAway = new CompletableFuture<>();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).drop();
            } else if (m instanceof Setup) {
                // the next connection becomes usable only once the application has sent while away
                sentWhileAway.thenRun(() -> peer.sendSample(SETUP_COMPLETE));
            }
        });
             LiveSession session = builder(server, null, events)
                     .listener(e -> {
                         if (e instanceof SessionEvent.Connection c && c.state() == ConnectionState.RECONNECTING
                                 && !sentWhileAway.isDone()) {
                             LiveSession s = sessionRef.get();
                             stateWhileAway.complete(s.state());
                             s.sendAudio(new byte[]{1, 0});
                             s.sendRealtimeText("said while away");
                             s.sendVideoFrame(new byte[]{(byte) 0xFF, (byte) 0xD8});
                             s.sendText("typed while away");
                             sentWhileAway.complete(null);
                         }
                     })
                     .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5).connect()) {
            sessionRef.set(session);
            server.await(setupOn(2), 1, WAIT);
            sentWhileAway.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            List<ScriptedLiveServer.Event> after = server.await(e -> e.connection() == 2 && e.message() != null
                    && !(e.message() instanceof Setup), 2, WAIT);

            assertThat(after).extracting(ScriptedLiveServer.Event::message).containsExactly(
                    RealtimeInput.text("said while away"), ClientContent.userTurn("typed while away"));
            assertThat(server.received(e -> e.message() instanceof RealtimeInput r
                    && (r.audio() != null || r.video() != null))).isEmpty();
            assertThat(stateWhileAway.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .isEqualTo(ConnectionState.RECONNECTING);
        }
    }

    @Test
    void atMost256MessagesWaitForTheNextConnection() throws Exception {
        AtomicReference<LiveSession> sessionRef = new AtomicReference<>();
        CompletableFuture<Void> sentWhileAway = new CompletableFuture<>();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).drop();
            } else if (m instanceof Setup) {
                // the next connection becomes usable only once the application has sent while away
                sentWhileAway.thenRun(() -> peer.sendSample(SETUP_COMPLETE));
            }
        });
             LiveSession session = builder(server, null, new EventRecorder())
                     .listener(e -> {
                         if (e instanceof SessionEvent.Connection c && c.state() == ConnectionState.RECONNECTING
                                 && !sentWhileAway.isDone()) {
                             for (int i = 0; i < 300; i++) {
                                 sessionRef.get().sendRealtimeText("t" + i);
                             }
                             sentWhileAway.complete(null);
                         }
                     })
                     .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5).connect()) {
            sessionRef.set(session);
            sentWhileAway.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            List<ScriptedLiveServer.Event> after = server.await(e -> e.connection() == 2
                    && e.message() instanceof RealtimeInput, 256, WAIT);
            session.sendRealtimeText("marker");
            server.await(e -> e.message() instanceof RealtimeInput r && "marker".equals(r.text()), 1, WAIT);

            assertThat(server.received(e -> e.message() instanceof RealtimeInput)).hasSize(257);
            assertThat(after.get(0).message()).isEqualTo(RealtimeInput.text("t0"));
            assertThat(after.get(255).message()).isEqualTo(RealtimeInput.text("t255"));
        }
    }

    @Test
    void closeEndsTheConnectionWithANormalClose() throws Exception {
        try (ScriptedLiveServer server = echoServer()) {
            LiveSession session = builder(server, null, new EventRecorder()).connect();

            session.close();

            ScriptedLiveServer.Event closed = server.await(SessionTestSupport.closeOf(1), 1, WAIT).get(0);
            assertThat(closed.what()).isEqualTo("close 1000");
            assertThat(closed.raw()).isEqualTo("Client closing");
        }
    }

    @Test
    void theSessionsThreadsAreDaemonsWhicheverThreadConnects() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        CompletableFuture<java.util.List<Thread>> during = new CompletableFuture<>();
        try (ScriptedLiveServer server = echoServer()) {
            Thread connector = new Thread(() -> {
                try (LiveSession session = builder(server, null, new EventRecorder()).connect()) {
                    session.sendTurn("hi").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    during.complete(Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> !before.contains(t)).filter(t -> t.getName().startsWith("WebSocket")
                                    || t.getName().startsWith("livetools-session")).toList());
                } catch (Exception e) {
                    during.completeExceptionally(e);
                }
            }, "non-daemon connector");
            connector.setDaemon(false);
            connector.start();

            assertThat(during.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
            connector.join(WAIT.toMillis());
        }
    }

    @Test
    void aTurnWaitingWhenTheSessionClosesFailsEvenBehindAStuckListener() throws Exception {
        CountDownLatch unstick = new CountDownLatch(1);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            } else if (m instanceof ClientContent) {
                peer.sendSample(SessionTestSupport.TEXT_YEAH);
            }
        })) {
            LiveSession session = builder(server, null, new EventRecorder()).listener(e -> {
                if (e instanceof SessionEvent.Text) {
                    // a listener that ignores interrupts: the event thread never gets past it
                    while (unstick.getCount() > 0) {
                        try {
                            unstick.await();
                        } catch (InterruptedException ignored) {
                            // keeps waiting
                        }
                    }
                }
            }).connect();
            try {
                CompletableFuture<ModelTurn> turn = session.sendTurn("hello?");
                server.await(e -> e.message() instanceof ClientContent, 1, WAIT);
                Thread.sleep(100); // the Text event reaches the stuck listener

                session.close();

                assertThatThrownBy(() -> turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .hasCauseInstanceOf(LiveSessionException.class).hasMessageContaining("closed by the application");
            } finally {
                unstick.countDown();
                session.close();
            }
        }
    }
}
