package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
@LiveEmulatorTest(tls = true)
class TlsModeTest {

    @Test
    void servesWssWithASelfSignedCertificateForLoopback(LiveEmulator emulator) throws Exception {
        assertThat(emulator.url().toString()).startsWith("wss://127.0.0.1:");
        assertThat(emulator.certificate().getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))))
                .contains("127.0.0.1", "localhost");
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newBuilder().sslContext(emulator.clientSslContext()).build()
                .newWebSocketBuilder().buildAsync(emulator.url(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        frames.add(StandardCharsets.UTF_8.decode(data).toString());
                        ws.request(1);
                        return CompletableFuture.completedFuture(null);
                    }
                }).get(10, TimeUnit.SECONDS);

        socket.sendText(TestClient.SETUP, true).get(5, TimeUnit.SECONDS);

        assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("{\n  \"setupComplete\": {}\n}\n");
        socket.sendClose(1000, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void certificatePemIsTheCertificate(LiveEmulator emulator) throws Exception {
        var parsed = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(emulator.certificatePem().getBytes(StandardCharsets.US_ASCII)));

        assertThat(parsed).isEqualTo(emulator.certificate());
    }
}
