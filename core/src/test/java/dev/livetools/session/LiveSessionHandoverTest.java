package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.GO_AWAY;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TEXT_YEAH;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.setupOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.Setup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** goAway in its less common forms: repeated, without a time, soon after a connection began, or cut short. */
@Timeout(40)
class LiveSessionHandoverTest {

    private static long opened(ScriptedLiveServer server) {
        return server.events().stream().filter(e -> e.what().equals("open")).count();
    }

    @Test
    void aSecondGoAwayWhileTheReplacementOpensOpensNoThirdConnection() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendSample(GO_AWAY).sendSample(GO_AWAY);
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TEXT_YEAH);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.awaitState(ConnectionState.RESUMED);
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));

            assertThat(opened(server)).isEqualTo(2);
            assertThat(events.ofType(SessionEvent.Connection.class)).filteredOn(c -> c.detail().startsWith("goAway"))
                    .singleElement().satisfies(c -> assertThat(c.detail()).isEqualTo("goAway from connection #1, "
                            + "50000 ms left"));
        }
    }

    @Test
    void aGoAwayWithoutATimeIsHandedOverAtOnceSayingTheTimeIsUnknown() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendRawBinary("{\"goAway\":{}}");
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.awaitState(ConnectionState.RESUMED);

            assertThat(events.awaitState(ConnectionState.HANDING_OVER).detail())
                    .isEqualTo("goAway from connection #1, unknown time left");
        }
    }

    @Test
    void aGoAwaySoonAfterTheConnectionBeganWaitsButNoLongerThanHalfTheTimeLeft() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection <= 2) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h" + peer.connection))
                        .sendRawBinary("{\"goAway\":{\"timeLeft\":\"0.400s\"}}");
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, events)
                     .reconnect(Duration.ofSeconds(5), Duration.ofSeconds(10), 5).connect()) {
            server.await(setupOn(3), 1, WAIT);

            assertThat(events.ofType(SessionEvent.Connection.class)).filteredOn(c -> c.detail().startsWith("goAway"))
                    .extracting(SessionEvent.Connection::detail).containsExactly(
                            "goAway from connection #1, 400 ms left",
                            "goAway from connection #2, 400 ms left; the connection ended soon after it began, so "
                                    + "the handover waits 200 ms");
        }
    }

    @Test
    void whenTheOldConnectionDropsDuringAHandoverTheReplacementTakesOverWithoutAReconnect() throws Exception {
        EventRecorder events = new EventRecorder();
        CompletableFuture<ScriptedLiveServer> self = new CompletableFuture<>();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendSample(GO_AWAY).drop();
            } else if (m instanceof Setup) {
                // the replacement answers only once connection 1 is gone
                CompletableFuture.runAsync(() -> {
                    try {
                        self.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).await(SessionTestSupport.closeOf(1), 1, WAIT);
                        peer.sendSample(SETUP_COMPLETE);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        })) {
            self.complete(server);
            try (LiveSession session = builder(server, null, events).connect()) {
                events.awaitState(ConnectionState.RESUMED);

                assertThat(opened(server)).isEqualTo(2);
                assertThat(events.ofType(SessionEvent.Connection.class)).extracting(SessionEvent.Connection::state)
                        .doesNotContain(ConnectionState.RECONNECTING);
            }
        }
    }

    @Test
    void aReplacementRefusedAfterTheOldConnectionDroppedIsAReconnectNotAHandover() throws Exception {
        EventRecorder events = new EventRecorder();
        CompletableFuture<ScriptedLiveServer> self = new CompletableFuture<>();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendSample(GO_AWAY).drop();
            } else if (m instanceof Setup && peer.connection == 2) {
                // refuses only once connection 1 is gone: nothing usable is left
                CompletableFuture.runAsync(() -> {
                    try {
                        self.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).await(SessionTestSupport.closeOf(1), 1, WAIT);
                        peer.close(1011, "Internal error encountered.");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        })) {
            self.complete(server);
            try (LiveSession session = builder(server, null, events).connect()) {
                events.awaitState(ConnectionState.RESUMED);

                assertThat(events.awaitState(ConnectionState.RECONNECTING).detail()).startsWith("attempt")
                        .contains("1011");
                assertThat(opened(server)).isEqualTo(3);
            }
        }
    }
}
