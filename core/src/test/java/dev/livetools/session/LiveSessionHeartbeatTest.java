package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection the server has gone silent on (a half-open TCP connection, a wedged proxy) is found by pinging it and
 * dropped after two silent intervals, so the session resumes instead of hanging until the operating system gives
 * up; one thread does this for every connection of the JVM.
 */
@Timeout(60)
class LiveSessionHeartbeatTest {

    private static final byte[] SETUP_COMPLETE_AND_HANDLE =
            "{\"setupComplete\":{},\"sessionResumptionUpdate\":{\"newHandle\":\"h1\",\"resumable\":true}}"
                    .getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger pings = new AtomicInteger();

    /** Reads client frames until the connection ends, answering pings with pongs when {@code answer}. */
    private void serve(InputStream in, OutputStream out, boolean answer) throws IOException {
        while (true) {
            RawWebSocketServer.ClientFrame f = RawWebSocketServer.readClientFrame(in);
            if (f.opcode() == 9) {
                pings.incrementAndGet();
                if (answer) {
                    out.write(RawWebSocketServer.controlFrame(10, f.payload()));
                    out.flush();
                }
            } else if (f.opcode() == 8) {
                return;
            }
        }
    }

    private RawWebSocketServer server(boolean answerOnFirst) throws IOException {
        AtomicInteger accepted = new AtomicInteger();
        return new RawWebSocketServer((socket, in, out) -> {
            boolean first = accepted.incrementAndGet() == 1;
            RawWebSocketServer.readFrame(in); // setup
            out.write(RawWebSocketServer.frame(2, SETUP_COMPLETE_AND_HANDLE));
            out.flush();
            serve(in, out, !first || answerOnFirst);
        });
    }

    @Test
    void aServerSilentForTwoIntervalsIsDroppedAsLostAndTheSessionResumes() throws Exception {
        EventRecorder events = new EventRecorder();
        try (RawWebSocketServer server = server(false);
             LiveSession session = LiveSession.builder(LiveEndpoint.url(server.url())).model("m")
                     .heartbeat(Duration.ofMillis(200)).reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5)
                     .listener(events).connect()) {
            events.awaitState(ConnectionState.RESUMED);

            assertThat(server.connections()).isEqualTo(2);
            assertThat(pings.get()).as("the silent connection was pinged before it was dropped").isPositive();
            assertThat(events.ofType(SessionEvent.Connection.class)).anySatisfy(c -> assertThat(c.detail())
                    .contains("close code 1006").contains("no frame or pong from the server for"));
        }
    }

    @Test
    void aQuietServerThatAnswersPingsKeepsItsConnection() throws Exception {
        EventRecorder events = new EventRecorder();
        try (RawWebSocketServer server = server(true);
             LiveSession session = LiveSession.builder(LiveEndpoint.url(server.url())).model("m")
                     .heartbeat(Duration.ofMillis(400)).listener(events).connect()) {
            // Six intervals of silence but for the pongs (an interval long enough for a pong on a loaded machine).
            Thread.sleep(2_400);

            assertThat(pings.get()).as("pings in six quiet intervals").isGreaterThanOrEqualTo(3);
            assertThat(server.connections()).isEqualTo(1);
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aReaderHeldUpBySlowListenersIsNotMistakenForASilentServer() throws Exception {
        // The reader waits for the listeners (the backlog bound): pongs go unread meanwhile, which is our silence.
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String big = "x".repeat(64 * 1024);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SessionTestSupport.SETUP_COMPLETE).send(SessionTestSupport.handle("h"));
                for (int i = 0; i < 8; i++) {
                    peer.send(dev.livetools.protocol.ServerMessage.of(
                            dev.livetools.protocol.ServerContent.text(big)));
                }
            }
        });
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .heartbeat(Duration.ofMillis(300)).maxListenerBacklogBytes(64 * 1024)
                     .listener(SessionTestSupport.holdingTextEventsUntil(release)).connect()) {
            Thread.sleep(1_500); // five intervals with the reader held up
            release.countDown();
            Thread.sleep(300);

            assertThat(server.events().stream().filter(e -> e.what().equals("open")).count()).isEqualTo(1);
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aHeartbeatOfZeroSendsNoPingAndNeverDropsAQuietConnection() throws Exception {
        try (RawWebSocketServer server = server(false);
             LiveSession session = LiveSession.builder(LiveEndpoint.url(server.url())).model("m")
                     .heartbeat(Duration.ZERO).connect()) {
            Thread.sleep(600);

            assertThat(pings.get()).isZero();
            assertThat(server.connections()).isEqualTo(1);
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void manySessionsShareOneHeartbeatThreadAndJavaWebSocketStartsNoTimerOfItsOwn() throws Exception {
        List<LiveSession> sessions = new ArrayList<>();
        try (RawWebSocketServer server = server(true)) {
            try {
                for (int i = 0; i < 10; i++) {
                    sessions.add(LiveSession.builder(LiveEndpoint.url(server.url())).model("m").connect());
                }
                List<String> names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                        .map(Thread::getName).toList();

                assertThat(names).filteredOn(n -> n.startsWith("livetools-heartbeat-")).hasSize(1);
                assertThat(names).noneMatch(n -> n.startsWith("connectionLostChecker"));
            } finally {
                sessions.forEach(LiveSession::close);
            }
        }
    }

    @Test
    void aHeartbeatOutsideTenMillisecondsToAnHourIsRefusedAtBuild() {
        LiveSession.Builder b = LiveSession.builder(LiveEndpoint.url("ws://127.0.0.1:1/ws"));
        assertThatThrownBy(() -> b.heartbeat(Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> b.heartbeat(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.heartbeat(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
