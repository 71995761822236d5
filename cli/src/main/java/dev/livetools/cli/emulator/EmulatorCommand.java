package dev.livetools.cli.emulator;

import dev.livetools.cli.CliException;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.Scenario;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code livetools emulator}: a local Live API server in the foreground, until interrupted. */
@Command(name = "emulator",
        description = {"Run the Live API emulator on 127.0.0.1 until interrupted (Ctrl+C).",
                "Every new session plays --scenario (or only completes the setup and records). Point a client at the"
                        + " printed ws:// URL, or an SDK at the base URL."})
public final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A JSON scenario for every session.")
    Path scenario;

    @Option(names = "--tls", description = "Serve wss:// with a self-signed certificate (for the Java and Python"
            + " SDKs, which only speak TLS).")
    boolean tls;

    @Option(names = "--api-key", paramLabel = "KEY", description = "Require this key (x-goog-api-key or ?key=).")
    String apiKey;

    @Option(names = "--transcript", paramLabel = "FILE", description = "Write every frame as JSON lines.")
    Path transcript;

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "With --tls: write the certificate to FILE, as PEM when FILE ends in .pem, else as a PKCS12"
                    + " trust store (password 'changeit').")
    Path trustStore;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CliException("--port " + port + " is not a TCP port (0-65535)");
        }
        if (trustStore != null && !tls) {
            throw new CliException("--trust-store needs --tls");
        }
        Scenario script = scenario == null ? null : loadScenario(scenario);
        PrintWriter out = spec.commandLine().getOut();
        LiveEmulator.Builder builder = LiveEmulator.builder().port(port).tls(tls).apiKey(apiKey).scenario(script)
                .transcript(transcript)
                .resultListener(result -> {
                    out.println(result.report());
                    out.flush();
                });
        try (LiveEmulator emulator = start(builder)) {
            if (trustStore != null) {
                writeTrust(emulator, trustStore);
            }
            out.println("LiveEmulator listening on " + emulator.url());
            out.println("  base URL for SDKs: " + emulator.baseUrl() + (tls ? " (TLS, self-signed)" : ""));
            out.println("  scenario: " + (script == null ? "none (sessions are only recorded)"
                    : "'" + script.name() + "', " + script.steps().size() + " steps"));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Thread hook = new Thread(stopped::countDown, "livetools-emulator-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
        }
        out.println("LiveEmulator stopped.");
        out.flush();
        return 0;
    }

    private LiveEmulator start(LiveEmulator.Builder builder) {
        try {
            return builder.start();
        } catch (LiveEmulator.PortInUseException e) {
            throw new CliException("--port " + e.port() + ": port " + e.port() + " on 127.0.0.1 is already in use;"
                    + " stop the program using it or choose another port (--port 0 picks a free one)");
        }
    }

    private static void writeTrust(LiveEmulator emulator, Path file) throws Exception {
        if (file.getFileName().toString().endsWith(".pem")) {
            Files.writeString(file, emulator.certificatePem());
            return;
        }
        try (var out = Files.newOutputStream(file)) {
            emulator.trustStore().store(out, "changeit".toCharArray());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook is running or ran
        }
    }

    private static Scenario loadScenario(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("--scenario " + file + ": no such file");
        }
        try {
            return Scenario.load(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
