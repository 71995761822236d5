package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How a connection's end is put into words, and whether reconnecting can help: the close codes of the Live service
 * (live-protocol.md section 7) and the network failures behind a connection that never opened.
 */
@Timeout(10)
class ConnectionEndTest {

    private static final String WS = "ws://127.0.0.1:9/ws";
    private static final String WSS = "wss://generativelanguage.googleapis.com/ws/x";

    private static ConnectionEnd closed(int code, String reason) {
        return new ConnectionEnd(code, reason, true, null, true, WS, 1 << 20);
    }

    private static ConnectionEnd failed(Throwable error, String where) {
        return new ConnectionEnd(LiveSessionException.NO_CLOSE_CODE, "", false, error, false, where, 1 << 20);
    }

    @Test
    void eachCloseCodeOfTheServiceIsExplainedInWords() {
        assertThat(closed(1000, "").explain()).isEqualTo("close code 1000: the connection was closed normally");
        assertThat(closed(1006, "").explain()).contains("lost or refused without a close frame");
        assertThat(closed(1007, "API key not valid").explain())
                .isEqualTo("close code 1007 \"API key not valid\": the API key was rejected; check or renew "
                        + "GEMINI_API_KEY");
        assertThat(closed(1007, "User location is not supported").explain()).contains("not available from this location");
        assertThat(closed(1007, "Request contains an invalid argument.").explain()).contains("rejected a message");
        assertThat(closed(1008, "BidiGenerateContent session not found").explain()).contains("resumption handle is stale");
        assertThat(closed(1008, "models/x is not found for API version v1beta").explain())
                .contains("does not exist for this API version");
        assertThat(closed(1008, "Publisher Model `x` was not found").explain()).contains("check --model");
        assertThat(closed(1008, "Operation is not implemented").explain()).contains("refused the request by policy");
        assertThat(closed(1011, "You exceeded your current quota").explain()).contains("quota is exhausted");
        assertThat(closed(1011, "Deadline expired before operation could complete.").explain())
                .contains("reached its time limit");
        assertThat(closed(1011, "Internal error encountered.").explain()).contains("internal error");
        assertThat(closed(4000, "custom").explain()).isEqualTo("close code 4000 \"custom\": the server closed the connection");
        assertThat(CloseCodes.explain(1000, null)).isEqualTo("close code 1000: the connection was closed normally");
    }

    @Test
    void onlyClosesThatAnotherConnectionCanHelpAreRetried() {
        assertThat(closed(1000, "").retryable()).isFalse();
        assertThat(closed(1006, "").retryable()).isTrue();
        assertThat(closed(1007, "Request contains an invalid argument.").retryable()).isFalse();
        assertThat(closed(1008, "BidiGenerateContent session not found").retryable()).isTrue();
        assertThat(closed(1008, "Operation is not implemented").retryable()).isFalse();
        assertThat(closed(1011, "Internal error encountered.").retryable()).isTrue();
        assertThat(closed(1011, "You exceeded your current quota").retryable()).isFalse();
        assertThat(closed(1001, "going away").retryable()).isTrue();
        assertThat(CloseCodes.retryable(1011, null)).isTrue();
    }

    @Test
    void onlyTheSessionNotFoundCloseMeansAStaleHandle() {
        assertThat(closed(1008, "BidiGenerateContent Session Not Found").staleHandle()).isTrue();
        assertThat(closed(1008, "Operation is not implemented").staleHandle()).isFalse();
        assertThat(closed(1011, "session not found").staleHandle()).isFalse();
        assertThat(CloseCodes.staleHandle(1008, null)).isFalse();
    }

    @Test
    void aReasonAsLongAsTheProtocolAllowsIsMarkedAsCutShort() {
        String limit = "r".repeat(120);
        String shorter = "r".repeat(119);
        assertThat(closed(1007, limit).explain()).contains(limit + "... (cut short: the protocol limits close reasons "
                + "to 123 bytes)");
        assertThat(closed(1007, shorter).explain()).doesNotContain("cut short");
        assertThat(new ConnectionEnd(1000, null, true, null, true, WS, 0).reason()).isEmpty();
    }

    @Test
    void aRefusedUnknownOrUnroutableHostIsCalledSo() {
        assertThat(failed(new ConnectException("Connection refused"), WS).explain())
                .isEqualTo("the connection to " + WS + " was refused: nothing listens there (is the server running, "
                        + "and is the port right?)");
        assertThat(failed(new IOException("wrapped", new UnknownHostException("nowhere")), WS).explain())
                .isEqualTo("unknown host in " + WS + " (check the URL)");
        assertThat(failed(new NoRouteToHostException(), WS).explain()).isEqualTo("no route to the host of " + WS);
    }

    @Test
    void noAnswerToTheHandshakeSaysSoAndForWssSuggestsWs() {
        assertThat(failed(null, WS).explain()).isEqualTo("no answer to the opening handshake from " + WS
                + " within the connect timeout");
        assertThat(failed(new SocketTimeoutException("Read timed out"), WSS).explain())
                .startsWith("no answer to the opening handshake from " + WSS)
                .contains("a wss:// URL needs a server that speaks TLS").contains("use ws:// for it");
        assertThat(new ConnectionEnd(1006, "", false, null, true, WS, 0).explain()).startsWith("close code 1006");
    }

    @Test
    void aTlsFailureShowsItsOwnTextAndForWssTheFix() {
        SSLHandshakeException tls = new SSLHandshakeException("Remote host terminated the handshake");
        assertThat(failed(new IOException("wrapped", tls), WSS).explain())
                .isEqualTo("the TLS handshake with " + WSS + " failed (Remote host terminated the handshake): a wss://"
                        + " URL needs a server that speaks TLS; for a plain server such as the local emulator use ws://");
        assertThat(failed(new SSLHandshakeException(null), "ws://proxy/ws").explain())
                .isEqualTo("the TLS handshake with ws://proxy/ws failed (SSLHandshakeException)");
    }

    @Test
    void theClientsOwn1007And1009AreBlamedOnWhatTheServerSent() {
        assertThat(new ConnectionEnd(1007, "", false, null, true, WS, 1024).explain())
                .contains("the server sent a text frame that is not valid UTF-8");
        assertThat(new ConnectionEnd(1009, "", false, null, true, WS, 1024).explain())
                .contains("larger than the client's limit of 1024 bytes");
        assertThat(closed(1009, "too big").explain()).doesNotContain("client's limit");
        assertThat(closed(1007, "Request contains an invalid argument.").explain()).doesNotContain("UTF-8");
    }

    @Test
    void theFirstConnectionsEndSaysWhetherItNeverConnectedOrClosedBeforeSetup() {
        assertThat(failed(new ConnectException("refused"), WS).beforeSetup(WS)).startsWith("could not connect: ");
        assertThat(failed(null, WS).beforeSetup(WS)).as("a handshake that timed out without an error")
                .isEqualTo("could not connect: no answer to the opening handshake from " + WS
                        + " within the connect timeout");
        assertThat(closed(1007, "bad").beforeSetup(WS)).startsWith("the server closed the connection to " + WS
                + " before setupComplete: close code 1007");
        assertThat(new ConnectionEnd(1006, "", false, new IOException("reset"), true, WS, 0).beforeSetup(WS))
                .startsWith("the server closed the connection");
    }

    @Test
    void aConnectionThatCouldNotBePreparedKeepsTheErrorsMessage() {
        ConnectionEnd end = ConnectionEnd.failed(new IllegalStateException("no token"));
        assertThat(end.code()).isEqualTo(LiveSessionException.NO_CLOSE_CODE);
        assertThat(end.reason()).isEqualTo("no token");
        assertThat(end.retryable()).isTrue();
        assertThat(end.opened()).isFalse();
    }
}
