package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.Blob;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.GoAway;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SessionResumptionUpdate;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolCallCancellation;
import dev.livetools.protocol.Transcription;
import dev.livetools.protocol.UsageMetadata;
import dev.livetools.testkit.ResponseCheck;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ScenarioResult;
import dev.livetools.testkit.Step;
import dev.livetools.testkit.StepResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One emulated session: plays a {@link Scenario} on its own thread against whichever connection is attached.
 * A dropped connection detaches; a new connection whose setup carries a handle this run issued re-attaches, and
 * the run continues where it stopped. Client events arrive through a queue; events an expectation does not want
 * are set aside ("parked") for later steps, so a tool response may arrive before the user text the scenario
 * expects first.
 */
final class SessionRun implements Runnable {

    private final int number;
    private final Scenario scenario;
    private final EmulatorEngine engine;
    private final boolean resumptionEnabled;
    private final BlockingQueue<ClientEvent> inbox = new LinkedBlockingQueue<>();
    private final Deque<ClientEvent> parked = new ArrayDeque<>();
    private final List<StepResult> results = new ArrayList<>();
    private final Set<String> cancelled = new HashSet<>();
    private final CompletableFuture<ScenarioResult> result = new CompletableFuture<>();
    private final Object attachment = new Object();
    private Peer peer;
    private String lastClose = "";
    private volatile String handle;
    private volatile int cursor;
    private long startNanos;

    SessionRun(int number, Scenario scenario, EmulatorEngine engine, boolean resumptionEnabled) {
        this.number = number;
        this.scenario = scenario;
        this.engine = engine;
        this.resumptionEnabled = resumptionEnabled;
    }

    public int number() {
        return number;
    }

    public CompletableFuture<ScenarioResult> result() {
        return result;
    }

    /** Where the run is, for a timeout message: "step 3 of 12: expect toolResponse for [c1]". */
    public String progress() {
        int at = cursor;
        return at >= scenario.steps().size() ? "finished"
                : "step " + at + " of " + scenario.steps().size() + ": " + scenario.steps().get(at).describe();
    }

    void attach(Peer connection) {
        synchronized (attachment) {
            peer = connection;
            attachment.notifyAll();
        }
    }

    void detach(Peer connection, int code, String reason, boolean byClient) {
        ClientEvent closed = ClientEvent.closed(code, reason, connection.id(), byClient);
        synchronized (attachment) {
            if (peer != connection) {
                return;
            }
            peer = null;
            lastClose = closed.describeClose();
        }
        inbox.add(closed);
    }

    void deliver(ClientEvent event) {
        inbox.add(event);
    }

    /** True once this run issued a resumable handle: a closed connection may then come back. */
    private boolean canResume() {
        return handle != null;
    }

    @Override
    public void run() {
        startNanos = System.nanoTime();
        List<Step> steps = scenario.steps();
        String failure = null;
        for (int i = 0; i < steps.size(); i++) {
            cursor = i;
            Step step = steps.get(i);
            try {
                String detail = execute(step);
                results.add(new StepResult(i, step.describe(), StepResult.Status.PASSED, detail, elapsed()));
            } catch (StepFailed e) {
                failure = "step " + i + " (" + step.describe() + "): " + e.getMessage();
                results.add(new StepResult(i, step.describe(), StepResult.Status.FAILED, e.getMessage(), elapsed()));
            } catch (InterruptedException e) {
                failure = "the emulator stopped during step " + i;
                results.add(new StepResult(i, step.describe(), StepResult.Status.FAILED, failure, elapsed()));
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                for (int rest = i + 1; rest < steps.size(); rest++) {
                    results.add(new StepResult(rest, steps.get(rest).describe(), StepResult.Status.NOT_REACHED,
                            "", null));
                }
                break;
            }
        }
        cursor = steps.size();
        if (failure != null) {
            Peer current = currentPeer();
            if (current != null) {
                current.close(new Rejection(Rejection.POLICY, "livetools emulator: scenario '" + scenario.name()
                        + "' failed at " + failure));
            }
        }
        result.complete(new ScenarioResult(scenario.name(), failure == null, results, unconsumed()));
    }

    private List<String> unconsumed() {
        List<String> left = new ArrayList<>();
        inbox.drainTo(parked);
        for (ClientEvent event : parked) {
            if (event.kind() == ClientEvent.Kind.TOOL_RESPONSE) {
                boolean late = cancelled.contains(event.payload().path("id").asText());
                left.add(event.describe() + (late ? " (a response to a cancelled call)" : ""));
            } else if (event.kind() == ClientEvent.Kind.TEXT) {
                left.add(event.describe());
            }
        }
        return left;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A step's expectation was not met; the message says what happened instead. */
    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message, null, false, false);
        }
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    private String execute(Step step) throws StepFailed, InterruptedException {
        if (step instanceof Step.ExpectText s) {
            return expectText(s);
        } else if (step instanceof Step.ExpectAudio s) {
            return expectAudio(s);
        } else if (step instanceof Step.ExpectActivityEnd) {
            return await(e -> e.kind() == ClientEvent.Kind.ACTIVITY_END, "activityEnd").describe();
        } else if (step instanceof Step.ExpectAudioStreamEnd) {
            return await(e -> e.kind() == ClientEvent.Kind.AUDIO_STREAM_END, "audioStreamEnd").describe();
        } else if (step instanceof Step.Audio s) {
            return sendAudio(s);
        } else if (step instanceof Step.ExpectToolResponse s) {
            return expectToolResponse(s);
        } else if (step instanceof Step.ExpectNoToolResponse s) {
            return expectNoToolResponse(s);
        } else if (step instanceof Step.Delay s) {
            Thread.sleep(s.duration().toMillis());
            return "";
        } else if (step instanceof Step.Drop) {
            Peer current = awaitPeer();
            current.drop();
            detachQuietly(current, "the emulator dropped the connection (the scenario's drop step)");
            return "connection " + current.id() + " dropped";
        } else if (step instanceof Step.Close s) {
            Peer current = awaitPeer();
            current.close(new Rejection(s.code(), s.reason()));
            detachQuietly(current, "the emulator closed the connection (" + s.code() + " " + s.reason() + ")");
            return "connection " + current.id() + " closed";
        } else if (step instanceof Step.ResumptionUpdate s) {
            return resumptionUpdate(s);
        }
        return emit(step);
    }

    private String emit(Step step) throws StepFailed, InterruptedException {
        if (step instanceof Step.Raw raw) {
            if (!awaitPeer().sendRaw(raw.message())) {
                throw new StepFailed("the connection closed while sending (" + lastClose + ")");
            }
            return "";
        }
        List<ServerMessage> frames = ServerMessages.framesFor(step);
        if (step instanceof Step.CancelToolCalls s) {
            cancelled.addAll(s.ids());
        }
        Peer current = awaitPeer();
        for (ServerMessage frame : frames) {
            if (!current.send(frame)) {
                throw new StepFailed("the connection closed while sending (" + lastClose + ")");
            }
        }
        return "";
    }

    private String resumptionUpdate(Step.ResumptionUpdate step) throws StepFailed, InterruptedException {
        if (!resumptionEnabled) {
            return "not sent: the client's setup did not enable sessionResumption";
        }
        emit(step);
        if (step.resumable() && !step.newHandle().isEmpty()) {
            handle = step.newHandle();
            engine.registerHandle(handle, this);
        }
        return "";
    }

    private void detachQuietly(Peer connection, String why) {
        synchronized (attachment) {
            if (peer == connection) {
                peer = null;
                lastClose = why;
            }
        }
    }

    private Peer currentPeer() {
        synchronized (attachment) {
            return peer;
        }
    }

    /** The attached connection; waits for a resuming client when the run issued a handle. */
    private Peer awaitPeer() throws StepFailed, InterruptedException {
        long deadline = System.nanoTime() + scenario.expectTimeout().toNanos();
        synchronized (attachment) {
            while (peer == null || !peer.isOpen()) {
                long left = deadline - System.nanoTime();
                if (!canResume()) {
                    throw new StepFailed("no open connection (" + lastClose + ") and no resumption"
                            + " handle was issued");
                }
                if (left <= 0) {
                    throw new StepFailed("no client resumed the session within "
                            + scenario.expectTimeout().toMillis() + " ms (" + lastClose + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(attachment, left);
            }
            return peer;
        }
    }

    private String expectText(Step.ExpectText step) throws StepFailed, InterruptedException {
        ClientEvent event = await(e -> e.kind() == ClientEvent.Kind.TEXT, "user text " + step.match());
        if (!step.match().matches(event.text())) {
            throw new StepFailed("the user said \"" + event.text() + "\", expected " + step.match());
        }
        return event.describe();
    }

    private String expectAudio(Step.ExpectAudio step) throws StepFailed, InterruptedException {
        long bytes = 0;
        long nanos = 0;
        int chunks = 0;
        long minNanos = step.minLength().toNanos();
        long first = 0;
        while (bytes < step.minBytes() || nanos < minNanos) {
            ClientEvent chunk = await(e -> e.kind() == ClientEvent.Kind.AUDIO, "user audio (" + bytes + " bytes, "
                    + nanos / 1_000_000 + " ms so far)");
            first = chunks == 0 ? System.nanoTime() : first;
            bytes += chunk.bytes();
            nanos += ClientAudio.nanos(chunk.bytes(), chunk.text());
            chunks++;
        }
        return bytes + " bytes (" + nanos / 1_000_000 + " ms of audio) in " + chunks + " chunks over "
                + (System.nanoTime() - first) / 1_000_000 + " ms";
    }

    /** Chunks paced at {@code speed} times real time: chunk k leaves at k x chunk / speed after the first. */
    private String sendAudio(Step.Audio step) throws StepFailed, InterruptedException {
        byte[] pcm = ModelAudio.pcm(step.sound());
        int chunkBytes = ModelAudio.bytesFor(step.chunk());
        Peer current = awaitPeer();
        long start = System.nanoTime();
        long chunkNanos = (long) (step.chunk().toNanos() / step.speed());
        int chunks = 0;
        for (int offset = 0; offset < pcm.length; offset += chunkBytes) {
            long due = start + chunks * chunkNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            byte[] chunk = java.util.Arrays.copyOfRange(pcm, offset, Math.min(pcm.length, offset + chunkBytes));
            if (!current.send(ServerMessages.audio(chunk))) {
                throw new StepFailed("the connection closed while sending audio chunk " + chunks + " (" + lastClose
                        + ")");
            }
            chunks++;
        }
        return pcm.length + " bytes (" + pcm.length * 1000L / ModelAudio.BYTES_PER_SECOND + " ms) in " + chunks
                + " chunks over " + (System.nanoTime() - start) / 1_000_000 + " ms";
    }

    private String expectToolResponse(Step.ExpectToolResponse step) throws StepFailed, InterruptedException {
        Map<ResponseCheck, JsonNode> matched = new LinkedHashMap<>();
        List<ResponseCheck> waiting = new ArrayList<>(step.checks());
        while (!waiting.isEmpty()) {
            List<ResponseCheck> open = List.copyOf(waiting);
            ClientEvent event = await(e -> e.kind() == ClientEvent.Kind.TOOL_RESPONSE
                    && open.stream().anyMatch(c -> c.selects(e.payload())), "toolResponse for "
                    + open.stream().map(ResponseCheck::id).toList());
            for (Iterator<ResponseCheck> it = waiting.iterator(); it.hasNext(); ) {
                ResponseCheck check = it.next();
                if (check.selects(event.payload())) {
                    matched.put(check, event.payload());
                    it.remove();
                    break;
                }
            }
        }
        List<String> problems = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        matched.forEach((check, response) -> {
            check.violations(response).forEach(v -> problems.add(check.id() + ": " + v));
            detail.append(detail.length() == 0 ? "" : "; ").append(check.id()).append(" -> ")
                    .append(WireJson.compact(response.path("response")));
        });
        if (!problems.isEmpty()) {
            throw new StepFailed(String.join("; ", problems));
        }
        return detail.toString();
    }

    private String expectNoToolResponse(Step.ExpectNoToolResponse step) throws StepFailed, InterruptedException {
        Predicate<ClientEvent> forbidden = e -> e.kind() == ClientEvent.Kind.TOOL_RESPONSE
                && step.ids().contains(e.payload().path("id").asText());
        for (ClientEvent event : parked) {
            if (forbidden.test(event)) {
                throw new StepFailed("got " + event.describe());
            }
        }
        long deadline = System.nanoTime() + step.window().toNanos();
        for (long left = step.window().toNanos(); left > 0; left = deadline - System.nanoTime()) {
            ClientEvent event = inbox.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            if (forbidden.test(event)) {
                throw new StepFailed("got " + event.describe());
            }
            if (event.kind() != ClientEvent.Kind.CLOSED) {
                parked.add(event);
            }
        }
        return "";
    }

    /**
     * The first event (parked ones first, then arriving ones) that {@code wanted} accepts; others are parked. A
     * closed connection fails the wait unless the run issued a handle a client can resume with.
     */
    private ClientEvent await(Predicate<ClientEvent> wanted, String what) throws StepFailed, InterruptedException {
        for (Iterator<ClientEvent> it = parked.iterator(); it.hasNext(); ) {
            ClientEvent event = it.next();
            if (wanted.test(event)) {
                it.remove();
                return event;
            }
        }
        long deadline = System.nanoTime() + scenario.expectTimeout().toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ClientEvent event = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new StepFailed("timed out after " + scenario.expectTimeout().toMillis() + " ms waiting for "
                        + what + describeParked());
            }
            if (event.kind() == ClientEvent.Kind.CLOSED) {
                if (!canResume()) {
                    throw new StepFailed(event.describeClose() + " while the emulator waited for " + what);
                }
                continue;
            }
            if (wanted.test(event)) {
                return event;
            }
            parked.add(event);
        }
    }

    private String describeParked() {
        List<String> seen = parked.stream().filter(e -> !e.isStreamNoise()).map(ClientEvent::describe).toList();
        return seen.isEmpty() ? "" : "; received instead: " + String.join(", ", seen);
    }

    /**
     * The server messages of emission steps, as core's protocol model: the codec writes them (service-style JSON),
     * so the emulator and the client library share one protocol implementation. Only {@link Step.Raw} bypasses the
     * model, since it is sent exactly as given.
     */
    static final class ServerMessages {
        private static final LiveCodec CODEC = new LiveCodec();

        private ServerMessages() {
        }

        static List<ServerMessage> framesFor(Step step) {
            List<ServerMessage> frames = new ArrayList<>();
            if (step instanceof Step.Text s) {
                frames.add(ServerMessage.of(ServerContent.text(s.text())));
            } else if (step instanceof Step.Transcription s) {
                Transcription transcription = new Transcription(s.text(), s.finished(), null, Map.of());
                ServerContent.Builder content = ServerContent.builder();
                frames.add(ServerMessage.of((s.direction() == Step.Transcription.Direction.INPUT
                        ? content.inputTranscription(transcription)
                        : content.outputTranscription(transcription)).build()));
            } else if (step instanceof Step.ToolCall s) {
                frames.add(ServerMessage.of(new ToolCall(s.calls().stream()
                        .map(call -> new FunctionCall(call.id(), call.name(), call.args())).toList())));
            } else if (step instanceof Step.CancelToolCalls s) {
                frames.add(ServerMessage.of(new ToolCallCancellation(s.ids())));
            } else if (step instanceof Step.Interrupted) {
                frames.add(ServerMessage.of(ServerContent.ofInterrupted()));
            } else if (step instanceof Step.TurnComplete s) {
                frames.add(ServerMessage.of(ServerContent.ofGenerationComplete()));
                ServerMessage done = ServerMessage.of(ServerContent.ofTurnComplete());
                frames.add(s.usageMetadata() == null ? done : done.withUsageMetadata(usage(s.usageMetadata())));
            } else if (step instanceof Step.GoAway s) {
                frames.add(ServerMessage.of(new GoAway(s.timeLeft())));
            } else if (step instanceof Step.ResumptionUpdate s) {
                frames.add(ServerMessage.of(new SessionResumptionUpdate(s.newHandle(), s.resumable(), null)));
            } else if (step instanceof Step.Usage s) {
                frames.add(ServerMessage.of(usage(s.usageMetadata())));
            } else {
                throw new IllegalArgumentException("not an emission step: " + step.describe());
            }
            return frames;
        }

        /** A scenario's usage object read the way a client reads the service's (either token-count spelling). */
        private static UsageMetadata usage(ObjectNode usage) {
            ObjectNode frame = WireJson.object();
            frame.set("usageMetadata", usage);
            return CODEC.decodeServer(WireJson.compact(frame)).usageMetadata();
        }

        static ServerMessage audio(byte[] pcm) {
            return ServerMessage.of(ServerContent.modelTurn(Part.inlineData(Blob.of(ModelAudio.MIME_TYPE, pcm))));
        }
    }
}
