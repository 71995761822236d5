package dev.livetools.session;

import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.AudioTranscriptionConfig;
import dev.livetools.protocol.ContextWindowCompression;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.SessionResumptionConfig;
import dev.livetools.protocol.Setup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link LiveSession.Builder} can be told, and how it becomes a {@code setup}: the builder's settings,
 * kept apart from the session so the session class holds only the session. Package-private: users see these methods
 * on {@link LiveSession.Builder}, as {@code StringBuilder} shows those of its package-private base.
 */
abstract class SessionOptions {
    final LiveEndpoint endpoint;
    final SetupPlan plan = new SetupPlan();
    ToolRunner runner;
    boolean sessionResumption = true;
    String resumeHandle;
    Duration setupTimeout = Duration.ofSeconds(15);
    Duration connectTimeout = Duration.ofSeconds(10);
    ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(8), 8, 30);
    int maxFrameBytes = 16 << 20;
    Duration heartbeat = Duration.ofSeconds(30);
    long maxBacklogBytes = EventHub.DEFAULT_BACKLOG_BYTES;
    final List<LiveSessionListener> listeners = new ArrayList<>();

    SessionOptions(LiveEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The model id ({@code gemini-3.8-live}) or full name; the endpoint qualifies a bare id. */
    public LiveSession.Builder model(String model) {
        plan.model = Objects.requireNonNull(model, "model");
        return self();
    }

    /** A complete {@code setup} to send instead (its {@code sessionResumption} is managed by the session). */
    public LiveSession.Builder setup(Setup setup) {
        plan.custom = Objects.requireNonNull(setup, "setup");
        return self();
    }

    public LiveSession.Builder systemInstruction(String text) {
        plan.systemInstruction = text;
        return self();
    }

    /** {@code TEXT} or {@code AUDIO} (native-audio and 3.8 models answer in AUDIO only). */
    public LiveSession.Builder responseModality(String modality) {
        if (modality != null && !modality.equals("TEXT") && !modality.equals("AUDIO")) {
            throw new IllegalArgumentException("responseModality must be TEXT or AUDIO, got " + modality);
        }
        plan.modality = modality;
        return self();
    }

    /** A prebuilt voice name such as {@code Kore}. */
    public LiveSession.Builder voice(String voiceName) {
        plan.voice = voiceName;
        return self();
    }

    /**
     * Declares the dispatcher's tools to the model and runs the model's calls with it: the one line that wires a
     * session to its tools. The dispatcher reports each call's start through its sink, so the session emits
     * {@code STARTED}; the caller closes the dispatcher after the session.
     */
    public LiveSession.Builder tools(ToolDispatcher dispatcher) {
        return tools(dispatcher.catalog().declarations(), dispatcher);
    }

    /** Declares {@code declarations} and runs their calls with {@code runner} (a wrapper, a scripted runner). */
    public LiveSession.Builder tools(List<FunctionDeclaration> declarations, ToolRunner runner) {
        plan.declarations = List.copyOf(declarations);
        this.runner = Objects.requireNonNull(runner, "runner");
        return self();
    }

    /** Session resumption (on by default): needed to survive goAway and drops. */
    public LiveSession.Builder sessionResumption(boolean enabled) {
        this.sessionResumption = enabled;
        return self();
    }

    /** Resume an earlier session (handles stay valid about 2 hours after it ended). */
    public LiveSession.Builder resumeFrom(String handle) {
        this.resumeHandle = handle;
        return self();
    }

    /** Context-window compression, for sessions longer than the 15-minute (audio) limit. */
    public LiveSession.Builder contextWindowCompression(ContextWindowCompression compression) {
        plan.compression = compression;
        return self();
    }

    public LiveSession.Builder inputTranscription(boolean enabled) {
        plan.inputTranscription = enabled;
        return self();
    }

    /** Transcripts of the model's audio, as {@link SessionEvent.Transcript} events. */
    public LiveSession.Builder outputTranscription(boolean enabled) {
        plan.outputTranscription = enabled;
        return self();
    }

    /** Adjusts the generated {@code setup} (fields the builder has no method for). */
    public LiveSession.Builder customizeSetup(UnaryOperator<Setup.Builder> customizer) {
        plan.customizer = Objects.requireNonNull(customizer, "customizer");
        return self();
    }

    public LiveSession.Builder setupTimeout(Duration timeout) {
        this.setupTimeout = positive(timeout, "setupTimeout");
        return self();
    }

    /** The TCP connect and opening handshake (TLS, HTTP upgrade) together; default 10 s. */
    public LiveSession.Builder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return self();
    }

    /** Reconnect backoff: doubling from {@code initial} up to {@code max}, at most {@code attempts} in a row. */
    public LiveSession.Builder reconnect(Duration initial, Duration max, int attempts) {
        this.policy = new ReconnectPolicy(positive(initial, "initial"), positive(max, "max"), attempts,
                policy.perMinute());
        return self();
    }

    /** At most this many connections in any minute, whatever the server does (default 30). */
    public LiveSession.Builder maxConnectionsPerMinute(int max) {
        this.policy = new ReconnectPolicy(policy.initial(), policy.max(), policy.attempts(), max);
        return self();
    }

    /** The largest frame accepted from the server (default 16 MiB); a larger one is refused with close 1009. */
    public LiveSession.Builder maxFrameBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 1024: " + bytes);
        }
        this.maxFrameBytes = bytes;
        return self();
    }

    /**
     * How long the server may say nothing before the connection is pinged; after twice as long with no frame and no
     * pong it counts as lost and the session resumes on a new one (a half-open TCP connection would otherwise hang
     * for as long as the operating system's timeout). 30 s; {@link Duration#ZERO} turns the heartbeat off.
     */
    public LiveSession.Builder heartbeat(Duration interval) {
        Objects.requireNonNull(interval, "heartbeat");
        if (interval.isNegative() || interval.compareTo(Duration.ofHours(1)) > 0
                || !interval.isZero() && interval.toMillis() < 10) {
            throw new IllegalArgumentException("heartbeat must be zero (off) or from 10 ms to 1 hour: " + interval);
        }
        this.heartbeat = interval;
        return self();
    }

    /** How far (in bytes of events) listeners may fall behind before the session stops reading; 16 MiB. */
    public LiveSession.Builder maxListenerBacklogBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxListenerBacklogBytes must be positive: " + bytes);
        }
        this.maxBacklogBytes = bytes;
        return self();
    }

    public LiveSession.Builder listener(LiveSessionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /** The {@code setup} this builder describes (without a resumption handle). */
    public Setup buildSetup() {
        return plan.build(endpoint, sessionResumption);
    }

    private LiveSession.Builder self() {
        return (LiveSession.Builder) this;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    /** The parts of {@code setup} a builder collects, and how they become one. */
    static final class SetupPlan {
        String model;
        Setup custom;
        String systemInstruction;
        String modality;
        String voice;
        List<FunctionDeclaration> declarations = List.of();
        ContextWindowCompression compression;
        boolean inputTranscription;
        boolean outputTranscription;
        UnaryOperator<Setup.Builder> customizer = UnaryOperator.identity();

        Setup build(LiveEndpoint endpoint, boolean resumption) {
            Setup.Builder b = custom != null ? custom.toBuilder() : describe(endpoint);
            b.sessionResumption(resumption ? SessionResumptionConfig.enabled() : null);
            return customizer.apply(b).build();
        }

        private Setup.Builder describe(LiveEndpoint endpoint) {
            if (model == null) {
                throw new IllegalStateException("LiveSession.Builder: set a model (e.g. gemini-3.8-live)");
            }
            Setup.Builder b = Setup.builder(endpoint.modelName(model)).functionDeclarations(declarations);
            if (modality != null) {
                b.responseModality(modality);
            }
            if (voice != null) {
                b.voice(voice);
            }
            if (systemInstruction != null) {
                b.systemInstruction(systemInstruction);
            }
            if (compression != null) {
                b.contextWindowCompression(compression);
            }
            if (inputTranscription) {
                b.inputAudioTranscription(AudioTranscriptionConfig.enabled());
            }
            if (outputTranscription) {
                b.outputAudioTranscription(AudioTranscriptionConfig.enabled());
            }
            return b;
        }
    }
}
