package dev.livetools.session;

import dev.livetools.protocol.Setup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.builder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(40)
class LiveSessionHandshakeTest {

    @Test
    void setupIsTheFirstMessageAndConnectReturnsAfterSetupComplete() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.sendSample(SETUP_COMPLETE));
             ScriptedToolRunner runner = new ScriptedToolRunner();
             LiveSession session = builder(server, runner, events).systemInstruction("Be brief.").connect()) {
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
            ScriptedLiveServer.Event first = server.received(e -> true).get(0);
            Setup setup = (Setup) first.message();
            assertThat(setup.model()).isEqualTo("models/gemini-live-2.5-flash-preview");
            assertThat(setup.functionDeclarations()).extracting(d -> d.name()).containsExactly("get_current_weather");
            assertThat(setup.sessionResumption()).as("resumption is on by default").isNotNull();
            assertThat(setup.sessionResumption().handle()).isNull();
            assertThat(setup.systemInstruction().text()).isEqualTo("Be brief.");
            assertThat(events.awaitState(ConnectionState.CONNECTED)).isNotNull();
        }
    }

    @Test
    void setupCompleteSentAsATextFrameWorksToo() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.sendRawText("{\"setupComplete\":{}}"));
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            assertThat(session.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void vertexSessionIdFromSetupCompleteIsExposed() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer(
                (peer, m) -> peer.sendSample("rec-vertex-server-setupComplete-sessionId.json"));
             LiveSession session = builder(server, null, new EventRecorder()).connect()) {
            assertThat(session.sessionId()).contains("c714f9ce-aa80-413f-b55a-a13609ae9e01");
        }
    }

    @Test
    void closeBeforeSetupCompleteIsAClearExceptionWithCodeAndReason() throws Exception {
        String reason = "models/gemini-live-2.5-flash-preview is not found for API version v1beta, or is not "
                + "supported for bidiGenerateContent. Call";
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.close(1008, reason))) {
            assertThatThrownBy(() -> builder(server, null, new EventRecorder()).connect())
                    .isInstanceOfSatisfying(LiveSessionException.class, e -> {
                        assertThat(e.closeCode()).isEqualTo(1008);
                        assertThat(e.closeReason()).isEqualTo(reason);
                        assertThat(e.getMessage()).contains("before setupComplete").contains("1008")
                                .contains("does not exist for this API version");
                    });
            assertThat(server.received(e -> true)).hasSize(1);
        }
    }

    @Test
    void invalidArgumentCloseIsExplained() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer(
                (peer, m) -> peer.close(1007, "Request contains an invalid argument."))) {
            assertThatThrownBy(() -> builder(server, null, new EventRecorder()).connect())
                    .isInstanceOfSatisfying(LiveSessionException.class, e -> {
                        assertThat(e.closeCode()).isEqualTo(1007);
                        assertThat(e.getMessage()).contains("rejected a message as invalid");
                    });
        }
    }

    @Test
    void quotaCloseIsExplained() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.close(1011,
                "You exceeded your current quota, please check your plan and billing details."))) {
            assertThatThrownBy(() -> builder(server, null, new EventRecorder()).connect())
                    .isInstanceOfSatisfying(LiveSessionException.class,
                            e -> assertThat(e.getMessage()).contains("quota is exhausted"));
        }
    }

    @Test
    void noSetupCompleteWithinTheTimeoutFailsTheConnect() throws Exception {
        EventRecorder events = new EventRecorder();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> { })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> builder(server, null, events)
                    .setupTimeout(Duration.ofMillis(300)).connect())
                    .isInstanceOf(LiveSessionException.class)
                    .hasMessageContaining("no setupComplete").hasMessageContaining("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            // the session gave up: its connection is closed, not left open on the server
            server.await(SessionTestSupport.closeOf(1), 1, SessionTestSupport.WAIT);
            assertThat(events.ofType(SessionEvent.Connection.class)).extracting(SessionEvent.Connection::state)
                    .containsExactly(ConnectionState.CONNECTING, ConnectionState.CLOSED);
            assertThat(events.ofType(SessionEvent.Connection.class).get(0).detail()).isEqualTo(server.url());
        }
    }

    @Test
    void aRefusedConnectionIsCalledRefusedNotCloseCodeMinusOne() throws Exception {
        String url;
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> { })) {
            url = server.url();
        }
        assertThatThrownBy(() -> LiveSession.builder(LiveEndpoint.url(url)).model("m")
                .setupTimeout(Duration.ofSeconds(3)).connect())
                .isInstanceOf(LiveSessionException.class).hasMessageContaining("was refused")
                .hasMessageContaining(url).hasMessageNotContaining("close code -1");
    }

    @Test
    void theApiKeyTravelsOnlyInTheHeaderNeverInTheUrlLogsOrExceptions() throws Exception {
        String key = "AIzaSy-TEST-SECRET-1234567890";
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (peer.connection == 1) {
                peer.sendSample(SETUP_COMPLETE).sendRawBinary("{not json").drop();
            } else {
                peer.close(1007, "API key expired. Please renew the API key.");
            }
        })) {
            LiveEndpoint endpoint = LiveEndpoint.url(server.url(), key);
            EventRecorder events = new EventRecorder();
            try (LiveSession session = LiveSession.builder(endpoint).model("m").listener(events)
                    .reconnect(Duration.ofMillis(10), Duration.ofMillis(20), 2).connect()) {
                events.awaitState(ConnectionState.CLOSED);
                session.close();
                assertThat(server.headersOf(1)).containsEntry("x-goog-api-key", key);
                assertThat(server.resourceOf(1)).doesNotContain(key);
                assertThat(endpoint.toString()).doesNotContain(key);
                assertThat(events.all().toString()).doesNotContain(key).contains("API key was rejected");
            }
        } finally {
            System.setErr(originalErr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("malformed").doesNotContain(key);
    }

    @Test
    void aConnectFailureIsThrownOnceAndNotAlsoLogged() throws Exception {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String reason = "Request contains an invalid argument.";
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.close(1007, reason))) {
            assertThatThrownBy(() -> LiveSession.builder(server.endpoint()).model("m").connect())
                    .hasMessageContaining(reason);
        } finally {
            System.setErr(originalErr);
        }
        // the caller prints the exception; the session's log must not print the same failure a second time
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(reason);
    }
}
