package dev.livetools.benchmarks.load;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sessions per JVM: {@code N} concurrent {@link LiveSession}s, each with its own {@link ToolDispatcher} (as an
 * application gives every conversation its own), against one emulator in a child JVM ({@link LoadEmulator}), each
 * session answering a series of tool calls. Reports, for this JVM alone: threads and heap per session once all are
 * connected, the peak thread count, and from the emulator the tool round trips (p50/p90/p99/max as the model sees
 * them) and lost or duplicated answers. A benchmark, not a test: see docs/performance.md for the table and how to
 * read it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.livetools.benchmarks.load.SessionLoad
 * [sessions=1000] [calls=10] [gapMillis=1000] [listener]}; the JVM running it is the one measured (JDK 17 or 25).
 */
public final class SessionLoad {

    private static boolean LISTENER;
    private static final java.util.concurrent.atomic.LongAdder EVENTS = new java.util.concurrent.atomic.LongAdder();

    private SessionLoad() {
    }

    /** The tool every session runs: trivial on purpose, so the figures are the host's own. */
    public static final class WeatherTools {
        @LiveTool(description = "Get the current weather in a given location")
        public String get_current_weather(@Param(description = "The city and state") String location) {
            return "sunny in " + location;
        }
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long gapMillis = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        // "listener": every session also has a listener (counting its events), as an application showing
        // transcripts or tool activity would; the session then delivers events on its own event thread.
        LISTENER = args.length > 3 && args[3].equals("listener");
        // Calls start only once every session is up, so that heap and threads are those of N idle sessions.
        long startMillis = Math.max(5_000, sessions * 15L);
        String load = loadAverage();

        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), LoadEmulator.class.getName(),
                String.valueOf(sessions), String.valueOf(calls), String.valueOf(gapMillis),
                String.valueOf(startMillis)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(),
                    StandardCharsets.UTF_8));
            String portLine = out.readLine();
            if (portLine == null || !portLine.startsWith("PORT ")) {
                throw new IllegalStateException("emulator did not start: " + portLine);
            }
            String url = "ws://127.0.0.1:" + portLine.substring(5).trim()
                    + "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
            run(sessions, calls, gapMillis, url, out, emulator.getOutputStream(), load);
        } finally {
            emulator.getOutputStream().close();
            if (!emulator.waitFor(10, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        System.exit(0);
    }

    private static void run(int sessions, int calls, long gapMillis, String url, BufferedReader emulatorOut,
                            OutputStream emulatorIn, String loadAtStart) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ToolCatalog catalog = ToolCatalog.builder().addClasses(WeatherTools.class).build();
        // One session and dispatcher first, closed again: class loading and one-time caches are not per session.
        open(catalog, url).close();
        long heapBefore = usedHeapAfterGc(memory);
        int threadsBefore = threads.getThreadCount();

        List<Open> open = new ArrayList<>(sessions);
        long t0 = System.nanoTime();
        ExecutorService connectors = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Open>> connecting = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            connecting.add(CompletableFuture.supplyAsync(() -> open(catalog, url), connectors));
        }
        for (CompletableFuture<Open> c : connecting) {
            open.add(c.get(120, TimeUnit.SECONDS));
        }
        connectors.shutdown();
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        long heapConnected = usedHeapAfterGc(memory);
        int threadsConnected = threads.getThreadCount();

        // Every session's scenario ends (passed, or failed after its expect timeout), then the emulator reports.
        String result = null;
        for (String line; result == null && (line = emulatorOut.readLine()) != null; ) {
            result = line.startsWith("RESULT ") ? line.substring(7) : null;
        }
        int peakThreads = threads.getPeakThreadCount();
        String loadAtEnd = loadAverage();
        for (Open o : open) {
            o.close();
        }
        catalog.close();
        emulatorIn.write("bye\n".getBytes(StandardCharsets.UTF_8));

        System.out.printf(Locale.ROOT, "%d sessions x %d calls (%d ms apart)%s, Java %s, %d CPUs, load average %s at"
                        + " start, %s at end%n", sessions, calls, gapMillis,
                LISTENER ? ", each with a listener (" + EVENTS.sum() + " events)" : "",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAtStart,
                loadAtEnd);
        System.out.printf(Locale.ROOT, "connected in %.1f s; threads %d before, %d with all connected (%.2f per"
                        + " session), peak %d; heap %.1f MB before, %.1f MB connected (%.1f KB per session)%n",
                connectSeconds, threadsBefore, threadsConnected,
                (threadsConnected - threadsBefore) / (double) sessions, peakThreads, heapBefore / 1e6,
                heapConnected / 1e6, (heapConnected - heapBefore) / 1e3 / sessions);
        System.out.println("emulator: " + result);
        Fields row = Fields.parse(result);
        System.out.printf(Locale.ROOT, "| %d | %s | %.2f | %d | %.1f | %s/%d | %s | %s | %s | %s | %s | %s |%n",
                sessions, System.getProperty("java.version"), (threadsConnected - threadsBefore) / (double) sessions,
                peakThreads, (heapConnected - heapBefore) / 1e3 / sessions, row.get("answers"),
                sessions * (long) calls, row.get("failed"), row.get("duplicates"), row.get("p50"), row.get("p90"),
                row.get("p99"), row.get("max"));
    }

    /** The key=value pairs of the emulator's RESULT line. */
    private record Fields(java.util.Map<String, String> values) {
        static Fields parse(String line) {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            if (line != null) {
                for (String part : line.split(" ")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        values.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
                    }
                }
            }
            return new Fields(values);
        }

        String get(String key) {
            return values.getOrDefault(key, "?");
        }
    }

    private record Open(LiveSession session, ToolDispatcher dispatcher) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            dispatcher.close();
        }
    }

    private static Open open(ToolCatalog catalog, String url) {
        ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build();
        LiveSession.Builder b = LiveSession.builder(LiveEndpoint.url(url)).model("gemini-3.8-live").tools(dispatcher);
        if (LISTENER) {
            b.listener(event -> EVENTS.increment());
        }
        LiveSession session = b.connect();
        return new Open(session, dispatcher);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }
}
