package dev.livetools.cli.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.cli.LiveToolsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code livetools emulator} in the foreground: prints its URL, serves, stops on interrupt. */
@Timeout(20)
class EmulatorCommandTest {

    /** Printed lines, readable from another thread as they come. */
    private static final class Lines extends Writer {
        private final StringBuilder partial = new StringBuilder();
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        @Override
        public synchronized void write(char[] chars, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                if (chars[i] == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                } else if (chars[i] != '\r') {
                    partial.append(chars[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        // Generous: the TLS mode makes a self-signed certificate first, which takes seconds on a loaded machine.
        String readLine() throws InterruptedException {
            String line = lines.poll(20, TimeUnit.SECONDS);
            assertThat(line).as("a printed line").isNotNull();
            return line;
        }

        String rest() {
            return String.join("\n", lines);
        }
    }

    @Test
    void servesTheScenarioAtThePrintedUrlUntilInterrupted(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("hello.json");
        Files.writeString(scenario, "{\"name\": \"hello\", \"steps\": [{\"text\": \"Hello from the emulator\"}]}");
        Lines printed = new Lines();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(printed, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread foreground = new Thread(() -> exit.set(cli.execute("emulator", "--port", "0", "--scenario",
                scenario.toString())));
        foreground.start();

        String first = printed.readLine();
        assertThat(first).startsWith("LiveEmulator listening on ws://127.0.0.1:")
                .endsWith("/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent");
        URI url = URI.create(first.substring("LiveEmulator listening on ".length()));
        assertThat(printed.readLine()).startsWith("  base URL for SDKs: http://127.0.0.1:");
        assertThat(printed.readLine()).isEqualTo("  scenario: 'hello', 1 steps");

        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(url, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                frames.add(StandardCharsets.UTF_8.decode(data).toString());
                ws.request(1);
                return CompletableFuture.completedFuture(null);
            }
        }).get(5, TimeUnit.SECONDS);
        socket.sendText("{\"setup\":{\"model\":\"models/gemini-3.8-live\"}}", true).get(5, TimeUnit.SECONDS);
        assertThat(frames.poll(5, TimeUnit.SECONDS)).contains("setupComplete");
        assertThat(frames.poll(5, TimeUnit.SECONDS)).contains("Hello from the emulator");

        assertThat(printed.readLine()).isEqualTo("Press Ctrl+C to stop.");
        assertThat(printed.readLine()).isEqualTo("scenario 'hello' PASSED");

        foreground.interrupt();
        foreground.join(5000);
        assertThat(exit).hasValue(0);
        assertThat(printed.rest()).contains("LiveEmulator stopped.");
    }

    @Test
    void tlsModeWritesThePemCertificateClientsCanTrust(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("emulator.pem");
        Lines printed = new Lines();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(printed, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread foreground = new Thread(() -> exit.set(cli.execute("emulator", "--tls", "--trust-store",
                pem.toString())));
        foreground.start();

        assertThat(printed.readLine()).startsWith("LiveEmulator listening on wss://127.0.0.1:");
        assertThat(printed.readLine()).startsWith("  base URL for SDKs: https://127.0.0.1:")
                .endsWith("(TLS, self-signed)");
        var certificate = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pem));
        assertThat(((java.security.cert.X509Certificate) certificate).getSubjectX500Principal().getName())
                .contains("CN=127.0.0.1");

        foreground.interrupt();
        foreground.join(5000);
        assertThat(exit).hasValue(0);
    }

    @Test
    void aMissingScenarioFileIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("emulator", "--scenario", dir.resolve("none.json").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--scenario").contains("no such file");
    }

    @Test
    void aPortInUseIsOneLineNamingThePortAndTheFix() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = LiveToolsCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("emulator", "--port", String.valueOf(port));

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).isEqualTo("livetools emulator: --port " + port + ": port " + port
                    + " on 127.0.0.1 is already in use; stop the program using it or choose another port (--port 0"
                    + " picks a free one)");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void trustStoreWithoutTlsIsAUsageError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("emulator", "--trust-store", dir.resolve("t.p12").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--trust-store needs --tls");
    }
}
