package dev.livetools.benchmarks.host;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Cold start, measured from outside: the wall time of a fresh JVM (same JDK, same class path, same flags) from
 * launch to exit, for
 * <ul>
 *   <li>{@code livetools}: the catalog of {@link HomeTools}, its {@code setup} message with the declarations, and the
 *       first validated answer (a {@code setLight} call decoded, bound, validated, run and encoded);</li>
 *   <li>{@code langchain4j}: LangChain4j's {@code ToolSpecifications.toolSpecificationsFrom} on the same class.</li>
 * </ul>
 * Runs alternate, so that machine noise hits both alike; the table gives medians and their ratio. With {@code cds}
 * each side first writes its own class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}) and then starts from
 * it ({@code -XX:SharedArchiveFile}), as {@code ./livetools} does.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.livetools.benchmarks.host.ColdStart [runs=15]}.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /** The measured program: {@code livetools} or {@code langchain4j}. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("livetools")) {
            System.out.println(liveTools());
            return;
        }
        if (args.length > 0 && args[0].equals("langchain4j")) {
            List<ToolSpecification> specs = ToolSpecifications.toolSpecificationsFrom(HomeTools.class);
            System.out.println(specs.size() + " declarations, " + specs.toString().length() + " chars");
            return;
        }
        drive(args.length > 0 ? Integer.parseInt(args[0]) : 15);
    }

    private static String liveTools() {
        LiveCodec codec = new LiveCodec();
        try (ToolCatalog catalog = ToolCatalog.builder().addClasses(HomeTools.class).build();
             ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).executor(Runnable::run).build()) {
            String setup = codec.encode(Setup.builder("models/gemini-3.8-live")
                    .functionDeclarations(catalog.declarations()).build());
            ToolCall call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[{\"id\":\"function-call-1\","
                    + "\"name\":\"setLight\",\"args\":{\"room\":\"kitchen\",\"brightness\":40,\"on\":true}}]}}")
                    .toolCall();
            AtomicReference<String> answer = new AtomicReference<>();
            dispatcher.dispatch(call, response -> answer.set(codec.encode(response))).join();
            if (!answer.get().contains("\"output\"")) {
                throw new IllegalStateException("no validated answer: " + answer.get());
            }
            return catalog.declarations().size() + " declarations, setup " + setup.length() + " chars, answer "
                    + answer.get();
        }
    }

    private static void drive(int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Path dir = Files.createTempDirectory("livetools-coldstart");
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf(Locale.ROOT, "Java %s, %d CPUs, %d runs each, load average %s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs, load);
        System.out.println("| flags | LiveTools: declarations + first validated answer (ms, median) "
                + "| LangChain4j: declarations (ms, median) | ratio |");
        System.out.println("|---|---:|---:|---:|");
        row("default", java, classPath, runs, List.of(), List.of());
        Path ltArchive = dir.resolve("livetools.jsa");
        Path lcArchive = dir.resolve("langchain4j.jsa");
        time(java, classPath, List.of("-XX:ArchiveClassesAtExit=" + ltArchive), "livetools");
        time(java, classPath, List.of("-XX:ArchiveClassesAtExit=" + lcArchive), "langchain4j");
        row("each with its own AppCDS archive", java, classPath, runs,
                List.of("-XX:SharedArchiveFile=" + ltArchive), List.of("-XX:SharedArchiveFile=" + lcArchive));
        row("LiveTools with AppCDS, LangChain4j without", java, classPath, runs,
                List.of("-XX:SharedArchiveFile=" + ltArchive), List.of());
        System.out.println();
        System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void row(String label, String java, String classPath, int runs, List<String> ltFlags,
                            List<String> lcFlags) throws Exception {
        long[] lt = new long[runs];
        long[] lc = new long[runs];
        time(java, classPath, ltFlags, "livetools"); // one unmeasured run each: the OS file cache
        time(java, classPath, lcFlags, "langchain4j");
        for (int i = 0; i < runs; i++) {
            lt[i] = time(java, classPath, ltFlags, "livetools");
            lc[i] = time(java, classPath, lcFlags, "langchain4j");
        }
        double ltMedian = median(lt) / 1e6;
        double lcMedian = median(lc) / 1e6;
        System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.2fx |%n", label, ltMedian, lcMedian,
                ltMedian / lcMedian);
    }

    private static long time(String java, String classPath, List<String> flags, String which) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto"));
        command.addAll(flags);
        command.addAll(List.of("-cp", classPath, ColdStart.class.getName(), which));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        long elapsed = System.nanoTime() - t0;
        if (code != 0) {
            throw new IllegalStateException(which + " exited " + code + ": " + new String(out));
        }
        return elapsed;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
