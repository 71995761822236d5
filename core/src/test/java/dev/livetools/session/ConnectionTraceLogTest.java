package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Java-WebSocket logs each write of at most 1000 bytes at TRACE, the handshake with the key header included. */
@Timeout(10)
class ConnectionTraceLogTest {

    private static int headerBytes(Map<String, String> headers) {
        return headers.entrySet().stream().mapToInt(e -> (e.getKey() + ": " + e.getValue() + "\r\n")
                .getBytes(StandardCharsets.UTF_8).length).sum();
    }

    @Test
    void withTraceLoggingOnTheHandshakeHeadersAloneExceedTheDisplayLimit() {
        Map<String, String> padded = Connection.keptOutOfTraceLogs(Map.of("x-goog-api-key", "AIza-secret"), true);
        assertThat(padded).containsEntry("x-goog-api-key", "AIza-secret");
        assertThat(headerBytes(padded)).isGreaterThan(1000);
    }

    @Test
    void withoutTraceLoggingOrWithoutSecretsNothingIsAdded() {
        assertThat(Connection.keptOutOfTraceLogs(Map.of("x-goog-api-key", "k"), false)).hasSize(1);
        assertThat(Connection.keptOutOfTraceLogs(Map.of(), true)).isEmpty();
    }
}
