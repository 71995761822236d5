package dev.livetools.benchmarks.voice;

import dev.livetools.audio.AudioInput;
import dev.livetools.audio.PcmFormat;
import dev.livetools.audio.VoiceLoop;
import dev.livetools.audio.WavFileOutput;
import dev.livetools.testkit.internal.WriteDemandGuard;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.session.SessionEvent;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Barge-in, against a floor measured in the same run (see docs/performance.md; pacing is {@link PacingBenchmark}):
 * <ul>
 *   <li><b>Barge-in</b> ({@link #bargeIn}): from a loopback server writing {@code serverContent.interrupted} while
 *       the model's audio is playing to the output being silent: the frame is read and decoded by a real
 *       {@link LiveSession}, delivered on its event thread to a {@link VoiceLoop}, which drops the unplayed audio of
 *       a {@link WavFileOutput} (whose own clock falls silent at that call). Floor ({@link #eventFloor}): the same
 *       frame to a second session whose listener only counts it, under the same conditions (before each operation
 *       of either, the voice session receives a second of model audio).</li>
 * </ul>
 * Run with {@code -bm sample}: the percentiles are the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VoiceBenchmark {

    private static final byte[] SETUP_COMPLETE = "{\n  \"setupComplete\": {}\n}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INTERRUPTED = "{\n  \"serverContent\": {\n    \"interrupted\": true\n  }\n}\n"
            .getBytes(StandardCharsets.UTF_8);

    private Server server;
    private LiveSession voiceSession;
    private LiveSession floorSession;
    private VoiceLoop voice;
    private WavFileOutput output;
    private Path wav;
    private final AtomicLong floorEvents = new AtomicLong();
    private final AtomicLong audioEvents = new AtomicLong();
    private ByteBuffer audioFrame;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new Server();
        server.start();
        server.started.await(10, TimeUnit.SECONDS);
        audioFrame = ByteBuffer.wrap(audioFrame(Duration.ofMillis(200)));
        wav = Files.createTempFile("livetools-bench", ".wav");
        output = WavFileOutput.open(wav);
        voice = VoiceLoop.builder(new Silence(), output).build();
        voiceSession = LiveSession.builder(LiveEndpoint.url(server.url(), null)).model("gemini-3.8-live")
                .sessionResumption(false).listener(voice).listener(e -> {
                    if (e instanceof SessionEvent.Audio) {
                        audioEvents.incrementAndGet();
                    }
                }).connect();
        floorSession = LiveSession.builder(LiveEndpoint.url(server.url(), null)).model("gemini-3.8-live")
                .sessionResumption(false).listener(e -> {
                    if (e instanceof SessionEvent.Interrupted) {
                        floorEvents.incrementAndGet();
                    }
                }).connect();
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        voiceSession.close();
        floorSession.close();
        voice.close();
        output.close();
        server.guard.close();
        server.stop(1000);
        Files.deleteIfExists(wav);
    }

    /**
     * The model is speaking: a second of its audio (five 200 ms frames, as the service sends them) has arrived and is
     * playing. Not measured: the interruption is timed from its own frame, as the goal is stated ("silent within 30 ms
     * of the frame's arrival"); audio frames still in the socket ahead of it would be read first.
     */
    @Setup(Level.Invocation)
    public void modelSpeaks() {
        long target = audioEvents.get() + 5;
        for (int i = 0; i < 5; i++) {
            server.send(0, audioFrame.duplicate());
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while ((audioEvents.get() < target || !output.isSpeaking()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Benchmark
    public boolean bargeIn() {
        server.send(0, ByteBuffer.wrap(INTERRUPTED));
        while (output.isSpeaking()) {
            Thread.onSpinWait();
        }
        return true;
    }

    @Benchmark
    public long eventFloor() {
        long before = floorEvents.get();
        server.send(1, ByteBuffer.wrap(INTERRUPTED));
        long now;
        while ((now = floorEvents.get()) == before) {
            Thread.onSpinWait();
        }
        return now;
    }

    /** One {@code serverContent.modelTurn} frame of 24 kHz audio, pretty-printed like the service's. */
    static byte[] audioFrame(Duration length) {
        byte[] pcm = new byte[PcmFormat.LIVE_OUTPUT.bytesFor(length)];
        for (int i = 0; i < pcm.length / 2; i++) {
            short s = (short) (2000 * Math.sin(2 * Math.PI * 440 * i / 24_000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return ("{\n  \"serverContent\": {\n    \"modelTurn\": {\n      \"parts\": [\n        {\n"
                + "          \"inlineData\": {\n            \"mimeType\": \"audio/pcm;rate=24000\",\n"
                + "            \"data\": \"" + Base64.getEncoder().encodeToString(pcm) + "\"\n          }\n"
                + "        }\n      ]\n    }\n  }\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A microphone that never says anything (the barge-in benchmark only needs the output side). */
    static final class Silence implements AudioInput {
        private final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public Duration chunkDuration() {
            return DEFAULT_CHUNK;
        }

        @Override
        public String describe() {
            return "silence";
        }

        @Override
        public byte[] nextChunk() throws InterruptedException {
            closed.await();
            return null;
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** Answers setup and sends what the benchmark asks, to connection 0 (voice) or 1 (floor). */
    static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final List<WebSocket> connections = new CopyOnWriteArrayList<>();
        final WriteDemandGuard guard = new WriteDemandGuard(this);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        String url() {
            return "ws://127.0.0.1:" + getPort() + "/ws";
        }

        void send(int connection, ByteBuffer frame) {
            WebSocket c = connections.get(connection);
            c.send(frame);
            guard.afterSend(c);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            guard.release(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.contains("\"setup\"")) {
                connections.add(conn);
                conn.send(SETUP_COMPLETE);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
