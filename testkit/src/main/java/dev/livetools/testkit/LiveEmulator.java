package dev.livetools.testkit;

import dev.livetools.testkit.internal.EmulatorEngine;
import dev.livetools.testkit.internal.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for the Gemini Live API ({@code BidiGenerateContent}) on 127.0.0.1: a real WebSocket server that
 * answers like the service (binary pretty-printed JSON frames, {@code setupComplete} only after a valid setup, close
 * 1007/1008 with the service's truncated reasons) and plays scripted {@link Scenario}s as the model. It records every
 * frame for assertions, like OkHttp's MockWebServer records requests.
 *
 * <pre>{@code
 * try (LiveEmulator emulator = LiveEmulator.builder().scenario(scenario).start()) {
 *     connect your client to emulator.url() ...
 *     ScenarioResult result = emulator.awaitResult(Duration.ofSeconds(5));
 *     assertTrue(result.passed(), result.report());
 * }
 * }</pre>
 *
 * Each new session (a setup without a resumption handle) plays the next {@link #enqueue(Scenario) enqueued}
 * scenario, else the builder's scenario, else an empty one. A setup with a handle the session issued continues that
 * session's scenario where it stopped.
 */
public final class LiveEmulator implements AutoCloseable {

    /** Models the emulator knows by default: the current Live models of the Gemini API (live-protocol.md §1.4). */
    public static final Set<String> DEFAULT_MODELS = Set.of("gemini-3.8-live", "gemini-3.1-flash-live-preview",
            "gemini-2.5-flash-native-audio-preview-12-2025", "gemini-2.5-flash-native-audio-preview-09-2025",
            "gemini-live-2.5-flash-preview");

    /** The default {@link Builder#maxFrameSize(int)}: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;
    /** The default {@link Builder#frameLogLimit(long)}: 64 Mi characters of payload. */
    public static final long DEFAULT_FRAME_LOG_LIMIT = 64L * 1024 * 1024;

    private static final String PATH =
            "/ws/google.ai.generativelanguage.%s.GenerativeService.BidiGenerateContent";

    private final EmulatorEngine engine;
    private final SelfSignedCertificate certificate;

    private LiveEmulator(EmulatorEngine engine, SelfSignedCertificate certificate) {
        this.engine = engine;
        this.certificate = certificate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port bound (the chosen one when the builder asked for port 0). */
    public int port() {
        return engine.port();
    }

    public boolean isTls() {
        return certificate != null;
    }

    /** The {@code v1beta} endpoint, {@code ws://} or {@code wss://}; never carries a key. */
    public URI url() {
        return url("v1beta");
    }

    /** The endpoint for {@code v1beta} or {@code v1alpha}. */
    public URI url(String apiVersion) {
        return URI.create((isTls() ? "wss" : "ws") + "://127.0.0.1:" + port() + String.format(PATH, apiVersion));
    }

    /**
     * The base URL for SDKs that append {@code /ws/...} themselves: {@code http://127.0.0.1:PORT} (the JS SDK maps
     * it to {@code ws://}) or, in TLS mode, {@code https://127.0.0.1:PORT} (the Java and Python SDKs use
     * {@code wss://}).
     */
    public URI baseUrl() {
        return URI.create((isTls() ? "https" : "http") + "://127.0.0.1:" + port());
    }

    /** Plays {@code scenario} in the next new session (queued in order, one per session). */
    public LiveEmulator enqueue(Scenario scenario) {
        engine.enqueue(Objects.requireNonNull(scenario, "scenario"));
        return this;
    }

    /**
     * The result of the next session whose result was not yet taken, in session order. Waits up to {@code timeout}
     * for a client to connect and the scenario to finish; on timeout the result is a failure that says where the
     * session stood.
     */
    public ScenarioResult awaitResult(Duration timeout) {
        return engine.takeResult(timeout);
    }

    /**
     * The frames received and sent so far, in order: all of them, unless the log outgrew
     * {@link Builder#frameLogLimit(long)} (see {@link #droppedFrames()}).
     */
    public List<RecordedFrame> frames() {
        return engine.log().frames();
    }

    /**
     * How many of the oldest frames were dropped from memory to keep the log within
     * {@link Builder#frameLogLimit(long)}; {@link #frames()} holds the rest.
     */
    public long droppedFrames() {
        return engine.log().dropped();
    }

    /** The frames of one connection (1 is the first accepted). */
    public List<RecordedFrame> frames(int connection) {
        return frames().stream().filter(f -> f.connection() == connection).toList();
    }

    /** How many sessions started (setups accepted without a resumption handle). */
    public int sessions() {
        return engine.sessionCount();
    }

    /**
     * How often the write guard found a frame still queued after a send and signalled write demand again; see
     * {@code WriteDemandGuard}. Diagnostic only.
     */
    public long writeGuardRechecks() {
        return engine.guardRechecks();
    }

    /**
     * How many lost wakeups of the WebSocket library the write guard rescued: frames that were queued with no write
     * interest left, which would have waited for the client's next frame. Diagnostic only.
     */
    public long writeGuardRescues() {
        return engine.guardRescues();
    }

    /** The self-signed certificate of TLS mode. */
    public X509Certificate certificate() {
        return tls().certificate();
    }

    /**
     * The certificate in PEM form (TLS mode), for clients that read PEM files (Python: {@code SSL_CERT_FILE}, Node:
     * {@code NODE_EXTRA_CA_CERTS}).
     */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("LiveEmulator: cannot encode the certificate", e);
        }
    }

    /** A trust store with only the emulator's certificate (TLS mode), e.g. for an OkHttp or JDK client. */
    public KeyStore trustStore() {
        return tls().trustStore();
    }

    /** An SSL context that trusts the emulator's certificate (TLS mode). */
    public SSLContext clientSslContext() {
        return tls().clientContext();
    }

    private SelfSignedCertificate tls() {
        if (certificate == null) {
            throw new IllegalStateException("LiveEmulator: not in TLS mode (use builder().tls(true))");
        }
        return certificate;
    }

    /** Stops the server, closes every connection (1001) and the transcript file. */
    @Override
    public void close() {
        engine.stop();
    }

    /** The port asked for is taken by another program: {@link Builder#start()} cannot listen on it. */
    public static final class PortInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int port;

        public PortInUseException(int port, Throwable cause) {
            super("LiveEmulator: port " + port + " on 127.0.0.1 is already in use; stop the program using it or"
                    + " choose another port (port 0 picks a free one)", cause);
            this.port = port;
        }

        /** The port that was taken. */
        public int port() {
            return port;
        }
    }

    /** Configures and starts a {@link LiveEmulator}. */
    public static final class Builder {
        private int port;
        private String apiKey;
        private Set<String> models = DEFAULT_MODELS;
        private Scenario scenario;
        private Path transcript;
        private boolean tls;
        private Consumer<RecordedFrame> frameListener;
        private Consumer<ScenarioResult> resultListener;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private long frameLogLimit = DEFAULT_FRAME_LOG_LIMIT;

        private Builder() {
        }

        /**
         * The largest client frame accepted, in bytes (default 16 MiB: real audio chunks and tool results are at most
         * a few MB, live-protocol.md Gotcha 24). A larger frame is refused with close 1009 before it is read.
         */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("LiveEmulator.Builder.maxFrameSize: at least 1024 bytes, got "
                        + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * How much of the frame log {@link LiveEmulator#frames()} keeps in memory, in payload characters (default
         * 64 Mi): beyond it the oldest frames are dropped. 0 keeps none (the frame listener and transcript file still
         * see every frame); {@code Long.MAX_VALUE} keeps all.
         */
        public Builder frameLogLimit(long chars) {
            if (chars < 0) {
                throw new IllegalArgumentException("LiveEmulator.Builder.frameLogLimit must not be negative: " + chars);
            }
            this.frameLogLimit = chars;
            return this;
        }

        /**
         * Sees every frame as it is recorded, in order (called with the frame log locked: keep it quick, e.g. print).
         */
        public Builder frameListener(Consumer<RecordedFrame> listener) {
            this.frameListener = listener;
            return this;
        }

        /** Sees each session's result when its scenario ends. */
        public Builder resultListener(Consumer<ScenarioResult> listener) {
            this.resultListener = listener;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("LiveEmulator.Builder.port: " + port + " is not a TCP port");
            }
            this.port = port;
            return this;
        }

        /** Require this key ({@code x-goog-api-key} header or {@code ?key=}); by default any key or none passes. */
        public Builder apiKey(String apiKey) {
            if (apiKey != null && apiKey.isBlank()) {
                throw new IllegalArgumentException("LiveEmulator.Builder.apiKey: blank key");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** The model ids accepted in {@code setup.model} (with or without {@code models/}); none accepts any. */
        public Builder models(String... models) {
            this.models = Set.copyOf(new LinkedHashSet<>(Arrays.asList(models)));
            return this;
        }

        /** The scenario for sessions when none is enqueued. */
        public Builder scenario(Scenario scenario) {
            this.scenario = scenario;
            return this;
        }

        /** Also write every frame as JSON lines to this file. */
        public Builder transcript(Path file) {
            this.transcript = file;
            return this;
        }

        /** Serve {@code wss://} with a self-signed certificate made at startup (for SDKs that insist on TLS). */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @throws PortInUseException when the chosen port is taken
         */
        public LiveEmulator start() {
            SelfSignedCertificate certificate = tls ? SelfSignedCertificate.generate() : null;
            EmulatorEngine engine = new EmulatorEngine(new EmulatorEngine.Config("127.0.0.1", port, apiKey, models,
                    scenario, transcript, certificate == null ? null : certificate.serverContext(), frameListener,
                    resultListener, maxFrameSize, frameLogLimit));
            try {
                engine.start();
            } catch (RuntimeException e) {
                engine.stop();
                throw e;
            }
            return new LiveEmulator(engine, certificate);
        }
    }
}
