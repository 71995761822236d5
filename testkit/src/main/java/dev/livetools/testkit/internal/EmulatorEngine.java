package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.SessionResumptionConfig;
import dev.livetools.protocol.Setup;
import dev.livetools.testkit.RecordedFrame;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ScenarioResult;
import dev.livetools.testkit.StepResult;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's state behind {@code LiveEmulator}: admission of connections (path, key), setups, the sessions
 * and their scenarios, resumption handles, and the frame log.
 */
public final class EmulatorEngine {

    /**
     * The Gemini API Live endpoint; SDKs put one or two slashes before {@code ws/} (live-protocol.md §1.1). Only the
     * API versions the service documents for Live are served.
     */
    private static final Pattern PATH = Pattern.compile(
            "/+ws/google\\.ai\\.generativelanguage\\.(v1alpha|v1beta)\\.GenerativeService\\.BidiGenerateContent");
    /**
     * The short path LiveTools' docs give for the emulator ({@code ws://127.0.0.1:PORT/ws}); served as {@code v1beta}.
     * The real service has no such path: this is a convenience of the emulator only.
     */
    private static final Pattern SHORT_PATH = Pattern.compile("/+ws/?");
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorEngine.class);

    /** Configuration, validated by {@code LiveEmulator.Builder}. */
    public record Config(String host, int port, String apiKey, Set<String> models, Scenario defaultScenario,
                         Path transcript, SSLContext tls, Consumer<RecordedFrame> frameListener,
                         Consumer<ScenarioResult> resultListener, int maxFrameSize, long frameLogLimit) {
    }

    private final Config config;
    private final FrameLog log;
    private final SetupValidator validator;
    private final ConcurrentLinkedQueue<Scenario> queued = new ConcurrentLinkedQueue<>();
    private final Map<String, SessionRun> handles = new ConcurrentHashMap<>();
    private final List<SessionRun> sessions = new CopyOnWriteArrayList<>();
    private final List<Thread> runners = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger resultsTaken = new AtomicInteger();
    private final EmulatorServer server;

    public EmulatorEngine(Config config) {
        this.config = config;
        this.log = new FrameLog(config.transcript(), config.frameListener(), config.frameLogLimit());
        this.validator = new SetupValidator(config.models());
        this.server = new EmulatorServer(new InetSocketAddress(config.host(), config.port()), this, config.tls(),
                config.maxFrameSize());
    }

    public void start() {
        server.startAndWait();
    }

    public int port() {
        return server.getPort();
    }

    public FrameLog log() {
        return log;
    }

    public long guardRechecks() {
        return server.guard().resignals();
    }

    public long guardRescues() {
        return server.guard().rescues();
    }

    public void enqueue(Scenario scenario) {
        queued.add(scenario);
    }

    /** Refuses the upgrade (HTTP 404, the client sees 1006) for a wrong path or key; else attaches a peer. */
    void admit(WebSocket socket, ClientHandshake request, EmulatorServer via) throws InvalidDataException {
        int id = connections.incrementAndGet();
        String descriptor = request.getResourceDescriptor();
        int query = descriptor.indexOf('?');
        String path = query < 0 ? descriptor : descriptor.substring(0, query);
        Matcher matcher = PATH.matcher(path);
        String apiVersion;
        if (matcher.matches()) {
            apiVersion = matcher.group(1);
        } else if (SHORT_PATH.matcher(path).matches()) {
            apiVersion = "v1beta";
        } else {
            String explanation = "no Live endpoint at " + path + "; use /ws or /ws/google.ai.generativelanguage."
                    + "v1beta.GenerativeService.BidiGenerateContent (or v1alpha)";
            LOG.warn("LiveEmulator: connection {} refused: {}", id, explanation);
            via.explainRefusal(socket, explanation);
            throw refuse(id, explanation);
        }
        if (config.apiKey() != null) {
            String key = request.getFieldValue("x-goog-api-key");
            if (key == null || key.isEmpty()) {
                key = queryParameter(query < 0 ? "" : descriptor.substring(query + 1), "key");
            }
            if (!config.apiKey().equals(key)) {
                throw refuse(id, key == null || key.isEmpty() ? "no API key (x-goog-api-key header or ?key=)"
                        : "API key not valid. Please pass a valid API key.");
            }
        }
        socket.setAttachment(new Peer(id, apiVersion, socket, via, this));
    }

    private InvalidDataException refuse(int connection, String reason) {
        log.record(connection, RecordedFrame.Direction.SENT, RecordedFrame.Kind.REFUSED, reason, 0);
        return new InvalidDataException(CloseFrame.POLICY_VALIDATION, reason);
    }

    private static String queryParameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** A first {@code setup} arrived on {@code peer}: reject it, resume a run, or start a new one. */
    /**
     * @param setup   the setup's tree (names in lowerCamelCase), for the service's rules
     * @param decoded the frame decoded by core's codec, once the rules passed
     */
    synchronized void onSetup(Peer peer, JsonNode setup, java.util.function.Supplier<Setup> decoded,
                              String apiVersion) {
        SetupValidator.Outcome outcome = validator.validate(setup, apiVersion);
        if (outcome instanceof SetupValidator.Rejected rejected) {
            peer.close(rejected.rejection());
            return;
        }
        Setup accepted;
        try {
            accepted = decoded.get();
        } catch (ProtocolException e) {
            peer.close(ClientRules.fromCodec(e).rejection());
            return;
        }
        SessionResumptionConfig resumption = accepted.sessionResumption();
        String handle = resumption == null || resumption.handle() == null || resumption.handle().isEmpty() ? null
                : resumption.handle();
        if (handle != null) {
            SessionRun resumed = handles.get(handle);
            if (resumed == null) {
                peer.close(new Rejection(Rejection.POLICY, "BidiGenerateContent session not found"));
                return;
            }
            peer.activate(resumed);
            return;
        }
        Scenario scenario = queued.poll();
        if (scenario == null) {
            scenario = config.defaultScenario() != null ? config.defaultScenario() : Scenario.empty();
        }
        SessionRun run = new SessionRun(sessions.size() + 1, scenario, this, resumption != null);
        sessions.add(run);
        if (config.resultListener() != null) {
            run.result().thenAccept(result -> {
                try {
                    config.resultListener().accept(result);
                } catch (RuntimeException e) {
                    // An observer's bug must not break the emulator.
                }
            });
        }
        peer.activate(run);
        Thread runner = new Thread(run, "live-emulator-session-" + run.number());
        runner.setDaemon(true);
        runners.add(runner);
        runner.start();
    }

    void registerHandle(String handle, SessionRun run) {
        handles.put(handle, run);
    }

    /**
     * The result of the next session not yet taken, in session start order; waits up to {@code timeout} for it to
     * start and finish. On timeout the result is a failure that says where the session (if any) stood.
     */
    public ScenarioResult takeResult(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int index = resultsTaken.get();
        try {
            while (sessions.size() <= index) {
                if (System.nanoTime() >= deadline) {
                    return timedOut("no client completed a setup within " + timeout.toMillis() + " ms");
                }
                Thread.sleep(2);
            }
            SessionRun run = sessions.get(index);
            long left = deadline - System.nanoTime();
            ScenarioResult result = run.result().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            resultsTaken.incrementAndGet();
            return result;
        } catch (java.util.concurrent.TimeoutException e) {
            return timedOut("session " + (index + 1) + " still running after " + timeout.toMillis() + " ms, at "
                    + sessions.get(index).progress());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut("interrupted while waiting for the scenario result");
        } catch (java.util.concurrent.ExecutionException e) {
            return timedOut("the session failed: " + e.getCause());
        }
    }

    private static ScenarioResult timedOut(String why) {
        return new ScenarioResult("(none)", false, List.of(new StepResult(0, "await result",
                StepResult.Status.FAILED, why, null)), List.of());
    }

    public int sessionCount() {
        return sessions.size();
    }

    public void stop() {
        server.shutdown();
        runners.forEach(Thread::interrupt);
        for (Thread runner : runners) {
            try {
                runner.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.close();
    }
}
