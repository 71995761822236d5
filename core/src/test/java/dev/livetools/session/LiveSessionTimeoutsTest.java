package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.protocol.Setup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The connect timeout bounds the opening handshake, and only the handshake: a quiet session is not a dead one. */
@Timeout(40)
class LiveSessionTimeoutsTest {

    @Test
    void aServerThatAcceptsButNeverAnswersTheHandshakeFailsWithinTheConnectTimeout() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = silent.accept(); // read nothing, answer nothing
                        accepted.add(s);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "ws://127.0.0.1:" + silent.getLocalPort() + "/ws";
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> LiveSession.builder(LiveEndpoint.url(url)).model("m")
                        .connectTimeout(Duration.ofMillis(500)).setupTimeout(Duration.ofSeconds(20)).connect())
                        .isInstanceOf(LiveSessionException.class)
                        .hasMessage("could not connect: no answer to the opening handshake from " + url
                                + " within the connect timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            } finally {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aSessionQuietForLongerThanTheConnectTimeoutStaysConnected() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample(SETUP_COMPLETE);
            }
        });
             LiveSession session = builder(server, null, events).connectTimeout(Duration.ofMillis(1500)).connect()) {
            Thread.sleep(3_000);

            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(server.events().stream().filter(e -> e.what().equals("open"))).hasSize(1);
            assertThat(events.ofType(SessionEvent.Connection.class)).extracting(SessionEvent.Connection::state)
                    .containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
        }
    }
}
