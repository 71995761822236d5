package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.GO_AWAY;
import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.WAIT;
import static dev.livetools.session.SessionTestSupport.handle;
import static dev.livetools.session.SessionTestSupport.setupOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Servers that misbehave on purpose: the session survives each, says what happened, and leaks nothing. */
@Timeout(60)
class LiveSessionHostileServerTest {

    private static final byte[] SETUP_COMPLETE_AND_HANDLE =
            "{\"setupComplete\":{},\"sessionResumptionUpdate\":{\"newHandle\":\"h1\",\"resumable\":true}}"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void aFrameAnnouncingTwoGigabytesIsRefusedWith1009BeforeAllocatingAndTheSessionResumes() throws Exception {
        CompletableFuture<Integer> refusedWith = new CompletableFuture<>();
        Set<String> before = webSocketThreads();
        EventRecorder events = new EventRecorder();
        try (RawWebSocketServer server = new RawWebSocketServer((socket, in, out) -> {
            RawWebSocketServer.readFrame(in); // setup
            out.write(RawWebSocketServer.frame(2, SETUP_COMPLETE_AND_HANDLE));
            out.flush();
            if (refusedWith.isDone()) {
                RawWebSocketServer.readFrame(in); // the resumed connection: quiet until the client's close frame
                return;
            }
            sleep(300); // apart from setupComplete, which would otherwise be refused with the frame after it
            out.write(RawWebSocketServer.header(2, 2L << 30)); // 2 GiB announced, a few bytes sent
            out.write(new byte[64]);
            out.flush();
            byte[] close = RawWebSocketServer.readFrame(in);
            refusedWith.complete(ByteBuffer.wrap(close).getShort() & 0xffff);
        })) {
            try (LiveSession session = LiveSession.builder(LiveEndpoint.url(server.url())).model("m")
                    .setupTimeout(Duration.ofSeconds(10)).reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5)
                    .listener(events).connect()) {
                assertThat(refusedWith.get(15, TimeUnit.SECONDS)).isEqualTo(1009);
                events.awaitState(ConnectionState.RESUMED);
                assertThat(server.connections()).isEqualTo(2);
                assertThat(events.ofType(SessionEvent.Connection.class)).anySatisfy(c -> assertThat(c.detail())
                        .contains("larger than the client's limit"));
            }
        }
        awaitGone(before);
    }

    @Test
    void invalidUtf8FromTheServerIsCalledTheServersInvalidTextNotARejectedMessage() throws Exception {
        EventRecorder events = new EventRecorder();
        try (RawWebSocketServer server = new RawWebSocketServer((socket, in, out) -> {
            RawWebSocketServer.readFrame(in);
            out.write(RawWebSocketServer.frame(2, SETUP_COMPLETE_AND_HANDLE));
            out.flush();
            // apart from setupComplete: Java-WebSocket checks a whole read's frames before delivering any of them
            sleep(300);
            out.write(RawWebSocketServer.frame(1, new byte[]{'{', (byte) 0xff, (byte) 0xfe, '}'}));
            out.flush();
            RawWebSocketServer.readFrame(in);
        });
             LiveSession session = LiveSession.builder(LiveEndpoint.url(server.url())).model("m")
                     .listener(events).connect()) {
            session.closed().get(15, TimeUnit.SECONDS);
            SessionEvent.Connection closed = events.awaitState(ConnectionState.CLOSED);
            assertThat(closed.detail()).contains("the server sent a text frame that is not valid UTF-8")
                    .doesNotContain("rejected");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSlowListenerStopsTheReadingInsteadOfGrowingTheHeap() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String big = "x".repeat(128 * 1024);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE);
                for (int i = 0; i < 40; i++) {
                    peer.send(dev.livetools.protocol.ServerMessage.of(
                            dev.livetools.protocol.ServerContent.text(big)));
                }
                peer.send(SessionTestSupport.calls("after-flood"));
            }
        });
             ScriptedToolRunner runner = new ScriptedToolRunner().answerAtOnce();
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .tools(SessionTestSupport.WEATHER, runner)
                     .maxListenerBacklogBytes(1 << 20)
                     .listener(SessionTestSupport.holdingTextEventsUntil(release)).connect()) {
            Thread.sleep(1_500);
            // 40 x 256 KiB of events behind a stuck listener: the reader stopped near 1 MiB, so the toolCall behind
            // the flood has not been read (without the bound all 10 MiB are queued and the call runs)
            assertThat(runner.runsOf("after-flood")).isZero();
            release.countDown();
            runner.awaitDispatched("after-flood", WAIT);
            server.await(SessionTestSupport.responseTo("after-flood"), 1, WAIT);
        }
    }

    @Test
    void aServerSendingGoAwayAfterEverySetupGetsBackedOffConnectionsNotAStorm() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h")).sendSample(GO_AWAY);
            }
        });
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .reconnect(Duration.ofMillis(100), Duration.ofSeconds(1), 8).connect()) {
            Thread.sleep(2_000);
            // 0, ~100, ~200, ~400, ~800 ms: five or six connections in two seconds (1,406 in 5 s before)
            assertThat(server.events().stream().filter(e -> e.what().equals("open")).toList().size()).isBetween(2, 8);
        }
    }

    @Test
    void aServerClosingRightAfterEverySetupGetsGrowingBackoffNotAReconnectLoop() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h"));
                peer.close(1011, "Internal error encountered.");
            }
        });
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .reconnect(Duration.ofMillis(100), Duration.ofSeconds(2), 50).connect()) {
            Thread.sleep(2_000);
            // ~100, ~200, ~400, ~800 ms: about five connections in two seconds; a backoff reset by every
            // setupComplete reconnects every ~100 ms (about twenty)
            assertThat(server.events().stream().filter(e -> e.what().equals("open")).count()).isBetween(2L, 8L);
        }
    }

    @Test
    void connectionsPerMinuteAreCappedWhateverTheServerDoes() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h")).sendSample(GO_AWAY);
            }
        });
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .reconnect(Duration.ofMillis(5), Duration.ofMillis(10), 8).maxConnectionsPerMinute(4)
                     .connect()) {
            server.await(setupOn(4), 1, WAIT);
            Thread.sleep(1_000);
            assertThat(server.events().stream().filter(e -> e.what().equals("open")).toList()).hasSize(4);
        }
    }

    @Test
    void aCloseReasonEchoingTheKeyNeverShowsIt() throws Exception {
        String key = "AIzaSyD-ThisIsNotARealKey-0123456789ab";
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.close(1007, "API key not valid: " + key + ". Please pass a valid API key.");
            }
        })) {
            EventRecorder events = new EventRecorder();
            assertThatThrownBy(() -> LiveSession.builder(LiveEndpoint.url(server.url(), key)).model("m")
                    .listener(events).connect())
                    .isInstanceOfSatisfying(LiveSessionException.class, e -> {
                        assertThat(e.getMessage()).contains("API key").doesNotContain(key);
                        assertThat(e.closeReason()).doesNotContain(key).contains("***");
                    });
            assertThat(events.all()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(key));
        }
    }

    @Test
    void aCloseReasonAtTheProtocolLimitSaysItWasCutShort() throws Exception {
        String reason = "Request contains an invalid argument: the tool declaration of set_light has a parameter sch";
        String full = (reason + "ema that the service does not accept").substring(0, 123);
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.close(1007, full);
            }
        })) {
            assertThatThrownBy(() -> LiveSession.builder(server.endpoint()).model("m").connect())
                    .hasMessageContaining(full + "... (cut short: the protocol limits close reasons to 123 bytes)");
        }
    }

    @Test
    void wssToAPlainServerFailsFastWithATlsExplanation() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> { })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> LiveSession.builder(LiveEndpoint.url(server.url().replace("ws://", "wss://")))
                    .model("m").connectTimeout(Duration.ofSeconds(2)).setupTimeout(Duration.ofSeconds(15)).connect())
                    .isInstanceOf(LiveSessionException.class).hasMessageContaining("TLS")
                    .hasMessageContaining("use ws://");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10)); // the setup timeout is 15 s
        }
    }

    private static Set<String> webSocketThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("WebSocket") || n.startsWith("livetools-session"))
                .collect(Collectors.toSet());
    }

    /** Every connection and session thread started since {@code before} has ended by the time close() returned. */
    private static void awaitGone(Set<String> before) throws InterruptedException {
        // a thread whose last act was to signal the session may still be leaving its run method: 200 ms of grace
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        Set<String> left;
        do {
            left = webSocketThreads();
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("threads still alive after close()").isEmpty();
    }
}
