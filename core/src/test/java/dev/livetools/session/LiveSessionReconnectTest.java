package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.GO_AWAY;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TEXT_YEAH;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static dev.livetools.session.SessionTestSupport.closeOf;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.setupOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reconnector's less travelled paths: failed handovers, silent replacements, and when it must give up. */
@Timeout(40)
class LiveSessionReconnectTest {

    private static String handleIn(ScriptedLiveServer.Event setupEvent) {
        Setup s = (Setup) setupEvent.message();
        return s.sessionResumption() == null ? null : s.sessionResumption().handle();
    }

    @Test
    void aReplacementRefusedDuringAHandoverIsRetriedWhileTheOldConnectionStillWorks() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendSample(GO_AWAY);
            } else if (m instanceof Setup && peer.connection == 2) {
                peer.close(1011, "Internal error encountered.");
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.awaitState(ConnectionState.RESUMED);

            assertThat(handleIn(server.await(setupOn(3), 1, WAIT).get(0))).isEqualTo("h1");
            assertThat(events.ofType(SessionEvent.Connection.class)).extracting(SessionEvent.Connection::state)
                    .containsSubsequence(ConnectionState.CONNECTED, ConnectionState.HANDING_OVER,
                            ConnectionState.HANDING_OVER, ConnectionState.RESUMED)
                    .doesNotContain(ConnectionState.RECONNECTING);
            assertThat(events.await(SessionEvent.Connection.class, c -> c.detail().startsWith("attempt"))
                    .detail()).contains("1011");
            ScriptedLiveServer.Event thirdSetup = server.await(setupOn(3), 1, WAIT).get(0);
            assertThat(server.await(closeOf(1), 1, WAIT).get(0).sequence())
                    .as("connection 1 served until the handover").isGreaterThan(thirdSetup.sequence());
        }
    }

    @Test
    void aReplacementThatNeverCompletesItsSetupIsAbortedAndAnotherTried() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).sendSample(GO_AWAY);
            } else if (m instanceof Setup && peer.connection == 3) {
                peer.sendSample(SETUP_COMPLETE);
            }
            // connection 2 stays silent
        });
             LiveSession session = builder(server, null, events).setupTimeout(Duration.ofSeconds(2)).connect()) {
            events.awaitState(ConnectionState.RESUMED);

            server.await(closeOf(2), 1, WAIT);
            assertThat(handleIn(server.await(setupOn(3), 1, WAIT).get(0))).isEqualTo("h1");
        }
    }

    @Test
    void withResumptionOffADroppedConnectionEndsTheSessionSayingWhy() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE).drop();
            }
        });
             LiveSession session = builder(server, null, events).sessionResumption(false).connect()) {
            session.closed().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(events.awaitState(ConnectionState.CLOSED).detail())
                    .contains("session resumption is off, so the session cannot continue");
            assertThat(server.received(setupOn(2))).isEmpty();
        }
    }

    @Test
    void framesBeforeSetupCompleteAreIgnored() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.send(ServerMessage.of(ServerContent.text("too early"))).sendSample(SETUP_COMPLETE)
                        .sendSample(TEXT_YEAH);
            }
        });
             LiveSession session = builder(server, null, events).connect()) {
            events.await(SessionEvent.Text.class, t -> t.text().equals("Yeah"));

            assertThat(events.ofType(SessionEvent.Text.class)).extracting(SessionEvent.Text::text)
                    .containsExactly("Yeah");
        }
    }

    @Test
    void aTokenSupplierThatFailsFailsTheConnectNamingTheEndpointAndTheCause() {
        LiveEndpoint vertex = LiveEndpoint.vertexAi("p", "us-central1", () -> {
            throw new IllegalStateException("the credentials file is unreadable");
        });
        EventRecorder events = new EventRecorder();

        assertThatThrownBy(() -> LiveSession.builder(vertex).model("m").listener(events).connect())
                .isInstanceOf(LiveSessionException.class)
                .hasMessage("could not prepare a connection to wss://us-central1-aiplatform.googleapis.com/ws/"
                        + "google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent: the credentials file"
                        + " is unreadable");
    }

    @Test
    void anInterruptedConnectFailsAndKeepsTheInterrupt() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> { })) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> builder(server, null, new EventRecorder()).connect())
                        .isInstanceOf(LiveSessionException.class).hasMessageContaining("interrupted while connecting");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aFailedConnectLeavesTheSessionClosedWithNothingRunning() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.close(1007, "bad setup"))) {
            assertThatThrownBy(() -> builder(server, null, events).connect()).isInstanceOf(LiveSessionException.class);

            assertThat(events.awaitState(ConnectionState.CLOSED).detail()).contains("bad setup");
            assertThat(server.received(setupOn(2))).isEmpty();
        }
    }

    @Test
    void aConnectionThatStayedUpTenSecondsGivesTheNextDropAFreshSetOfAttempts() throws Exception {
        EventRecorder events = new EventRecorder();
        Duration stable = ReconnectPolicy.STABLE.plusMillis(500);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup && peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h1")).drop();
            } else if (m instanceof Setup && peer.connection == 2) {
                peer.sendSample(SETUP_COMPLETE);
                CompletableFuture.delayedExecutor(stable.toMillis(), TimeUnit.MILLISECONDS).execute(peer::drop);
            } else if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             // one attempt in a row: the second drop is allowed only because the connection before it was stable
             LiveSession session = builder(server, null, events).reconnect(Duration.ofMillis(20), Duration.ofMillis(100),
                     1).connect()) {
            server.await(setupOn(3), 1, WAIT.plus(stable));
            events.await(SessionEvent.Connection.class, c -> c.state() == ConnectionState.RESUMED
                    && c.detail().startsWith("connection #3"));

            assertThat(events.ofType(SessionEvent.Connection.class)).filteredOn(c -> c.detail().startsWith("attempt"))
                    .extracting(SessionEvent.Connection::detail).allSatisfy(d -> assertThat(d).startsWith("attempt 1 of 1"))
                    .hasSize(2);
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }
}
