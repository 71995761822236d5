package dev.livetools.samples.home.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto broker for tests: Debian's {@code mosquitto} binary on 127.0.0.1, on a free port, with a generated
 * config that requires a user name and password. When the binary is missing or cannot start, tests are skipped with
 * a message, except under CI ({@code CI=true}), where that is a failure: CI must prove MQTT works.
 */
public final class MosquittoBroker implements AutoCloseable {

    public static final String USER = "homeowner";
    public static final String PASSWORD = "correct-horse-battery-staple";

    private static final List<String> LOCATIONS = List.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto",
            "/usr/bin/mosquitto", "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto");

    private final Process process;
    private final int port;
    private final Path log;

    private MosquittoBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a broker in {@code dir}, or skips (fails under CI) the calling tests when that is impossible. */
    public static MosquittoBroker startOrSkip(Path dir) {
        String problem;
        try {
            Path binary = find();
            if (binary == null) {
                problem = "no mosquitto binary on PATH or in " + LOCATIONS + " (install Debian's mosquitto package)";
            } else {
                return start(binary, dir);
            }
        } catch (IOException | RuntimeException e) {
            problem = "mosquitto did not start: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while starting mosquitto";
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so the MQTT tests must run, but " + problem);
        }
        System.err.println("SKIPPED MQTT integration tests: " + problem);
        Assumptions.abort("MQTT integration tests skipped: " + problem);
        throw new AssertionError("unreachable");
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static MosquittoBroker start(Path binary, Path dir) throws IOException, InterruptedException {
        Path passwords = dir.resolve("passwd");
        Files.writeString(passwords, USER + ":" + hash(PASSWORD) + "\n");
        String lastProblem = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path conf = dir.resolve("mosquitto-" + port + ".conf");
            Path log = dir.resolve("mosquitto-" + port + ".log");
            Files.writeString(conf, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous false",
                    "password_file " + passwords,
                    "persistence false",
                    "set_tcp_nodelay true",
                    // Started as root, mosquitto would switch to its own user and lose access to this directory.
                    "user " + System.getProperty("user.name"),
                    "log_dest stderr",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "") );
            Process p = new ProcessBuilder(binary.toString(), "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Should the test JVM die before close(), the broker must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "stop-mosquitto-" + port));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (accepts(port)) {
                    return new MosquittoBroker(p, port, log);
                }
                Thread.sleep(20);
            }
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            lastProblem = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8).strip() : "no output";
            if (!lastProblem.contains("Address already in use")) {
                break;
            }
        }
        throw new IOException(lastProblem.isEmpty() ? "it exited without a message" : lastProblem);
    }

    /** The log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(d, "mosquitto");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return LOCATIONS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * Mosquitto's password-file hash ({@code $7$}: PBKDF2-SHA512, 101 rounds), made here so the password never
     * appears on a {@code mosquitto_passwd} command line.
     */
    private static String hash(String password) {
        try {
            byte[] salt = new byte[12];
            new SecureRandom().nextBytes(salt);
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 101, 64 * 8);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "$7$101$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a password for mosquitto", e);
        }
    }
}
