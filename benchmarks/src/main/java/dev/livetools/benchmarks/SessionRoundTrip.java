package dev.livetools.benchmarks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SetupComplete;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tool round-trip latency over loopback, from the moment the server writes a {@code toolCall} frame until it has read
 * the {@code toolResponse} frame, measured on the server. Beside it, in the same run and with frames of the same size,
 * the floor: a raw Java-WebSocket client that echoes each binary frame back. Three paths are measured, interleaved
 * over several rounds so that machine noise hits them alike:
 * <ul>
 *   <li>{@code echo}: raw Java-WebSocket echo (the floor);</li>
 *   <li>{@code session, inline runner}: {@link LiveSession} decoding, ledger bookkeeping, encoding and event delivery
 *       to a listener, with a runner that answers on the calling thread (the session's own cost);</li>
 *   <li>{@code session + ToolDispatcher}: the same with the real dispatcher running an annotated tool (binding,
 *       validation, a thread hop, result shaping).</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.livetools.benchmarks.SessionRoundTrip [rounds] [samples]}.
 */
public final class SessionRoundTrip {

    private static final LiveCodec CODEC = new LiveCodec();

    private SessionRoundTrip() {
    }

    /** The benchmark tool: trivial on purpose, so the figure is the host's overhead. */
    public static final class BenchTools {
        @LiveTool(description = "Get the current weather in a given location")
        public String get_current_weather(@Param(description = "The city and state") String location) {
            return "sunny in " + location;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int warmup = Math.max(2_000, samples / 4);
        Recorder echo = new Recorder("raw Java-WebSocket echo");
        Recorder inline = new Recorder("LiveSession, inline runner");
        Recorder dispatched = new Recorder("LiveSession + ToolDispatcher");
        for (int r = 0; r < rounds; r++) {
            echo(warmup, samples, echo);
            session(warmup, samples, inline, false);
            session(warmup, samples, dispatched, true);
            System.err.printf(Locale.ROOT, "round %d/%d done%n", r + 1, rounds);
        }
        System.out.printf(Locale.ROOT, "%d rounds x %d round trips per path (after %d warm-up each), Java %s, %d CPUs%n%n",
                rounds, samples, warmup, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| path | p50 (us) | p90 (us) | p99 (us) | p99.9 (us) | p50 / echo | p99 / echo |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Recorder rec : List.of(echo, inline, dispatched)) {
            System.out.println(rec.row(echo));
        }
        System.exit(0); // tool and socket threads of the last round need not linger
    }

    /** A toolCall frame like the service's (pretty, binary), with call id {@code n}. */
    static byte[] toolCallFrame(long n) {
        return CODEC.encodeServerBytes(ServerMessage.of(new ToolCall(List.of(new FunctionCall("function-call-" + n,
                "get_current_weather", JsonNodeFactory.instance.objectNode().put("location", "Redmond, WA"))))));
    }

    // ----------------------------------------------------------------- echo floor

    private static void echo(int warmup, int samples, Recorder recorder) throws Exception {
        Loop loop = new Loop(warmup, samples, recorder) {
            @Override
            void onClientMessage(WebSocket conn) {
                next(conn);
            }

            @Override
            void onOpen(WebSocket conn) {
                next(conn);
            }
        };
        try (loop) {
            WebSocketClient client = new WebSocketClient(URI.create(loop.url())) {
                @Override
                public void onOpen(ServerHandshake h) {
                }

                @Override
                public void onMessage(String message) {
                }

                @Override
                public void onMessage(ByteBuffer bytes) {
                    send(bytes);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                }

                @Override
                public void onError(Exception ex) {
                }
            };
            client.setTcpNoDelay(true);
            client.connectBlocking(5, TimeUnit.SECONDS);
            loop.await();
            client.closeBlocking();
        }
    }

    // ----------------------------------------------------------------- session

    private static void session(int warmup, int samples, Recorder recorder, boolean dispatcher) throws Exception {
        Loop loop = new Loop(warmup, samples, recorder) {
            @Override
            void onClientMessage(WebSocket conn) {
                next(conn);
            }

            @Override
            void onSetup(WebSocket conn) {
                conn.send(CODEC.encodeServerBytes(ServerMessage.of(SetupComplete.empty())));
                next(conn);
            }
        };
        ToolCatalog catalog = ToolCatalog.builder().addClasses(BenchTools.class).build();
        long[] events = {0};
        ToolRunner runner = dispatcher ? ToolDispatcher.builder(catalog).build() : new InlineRunner();
        try (loop; catalog; runner;
             LiveSession session = LiveSession.builder(LiveEndpoint.url(loop.url())).model("bench")
                     .tools(catalog.declarations(), runner)
                     // a listener, as every application has one: events are delivered, not skipped
                     .listener(event -> events[0]++).connect()) {
            loop.await();
        }
    }

    /** Answers each call on the calling thread: the session's own cost, without a tool host. */
    private static final class InlineRunner implements ToolRunner {
        @Override
        public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
            for (FunctionCall c : call.functionCalls()) {
                sink.send(ToolResponse.of(FunctionResponse.of(c.id(), c.name(),
                        JsonNodeFactory.instance.objectNode().put("result", "sunny in Redmond, WA"))));
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Set<String> cancel(Collection<String> ids) {
            return Set.of();
        }

        @Override
        public void close() {
        }
    }

    // ----------------------------------------------------------------- the server loop

    /**
     * A loopback server that times one frame at a time. It sends only from its own callbacks (Java-WebSocket 1.6.0's
     * server can strand a frame sent from another thread until the next inbound frame).
     */
    private abstract static class Loop extends WebSocketServer implements AutoCloseable {
        private final int warmup;
        private final int samples;
        private final Recorder recorder;
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private long sentAt;
        private int count;

        Loop(int warmup, int samples, Recorder recorder) throws InterruptedException {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.warmup = warmup;
            this.samples = samples;
            this.recorder = recorder;
            setReuseAddr(true);
            setTcpNoDelay(true);
            setConnectionLostTimeout(0);
            start();
            if (!started.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("benchmark server did not start");
            }
        }

        String url() {
            return "ws://127.0.0.1:" + getPort() + "/ws";
        }

        void onOpen(WebSocket conn) {
        }

        void onSetup(WebSocket conn) {
        }

        abstract void onClientMessage(WebSocket conn);

        /** Stamps the previous round trip (if any) and sends the next frame. */
        final void next(WebSocket conn) {
            long now = System.nanoTime();
            if (sentAt != 0) {
                if (count >= warmup) {
                    recorder.add(now - sentAt);
                }
                count++;
            }
            if (count >= warmup + samples) {
                sentAt = 0;
                done.countDown();
                return;
            }
            byte[] frame = toolCallFrame(count);
            sentAt = System.nanoTime();
            conn.send(frame);
        }

        void await() throws InterruptedException {
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("benchmark loop stalled at " + count);
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            onOpen(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.contains("\"setup\"")) {
                onSetup(conn);
            } else if (sentAt != 0) {
                onClientMessage(conn);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            if (sentAt != 0) {
                onClientMessage(conn);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.countDown();
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void close() throws InterruptedException {
            stop(1000);
        }
    }

    /** Latencies of one path across all rounds. */
    private static final class Recorder {
        private final String name;
        private long[] values = new long[1 << 16];
        private int size;

        Recorder(String name) {
            this.name = name;
        }

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized double percentileMicros(double p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
            return sorted[Math.max(0, index)] / 1000.0;
        }

        String row(Recorder floor) {
            double p50 = percentileMicros(50);
            double p99 = percentileMicros(99);
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.2fx | %.2fx |", name, p50,
                    percentileMicros(90), p99, percentileMicros(99.9), p50 / floor.percentileMicros(50),
                    p99 / floor.percentileMicros(99));
        }
    }

}
