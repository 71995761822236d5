package dev.livetools.cli.emulator;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.cli.CliException;
import dev.livetools.cli.voice.VoiceDemo;
import dev.livetools.testkit.LiveEmulator;
import dev.livetools.testkit.LiveToolsTester;
import dev.livetools.testkit.Scenario;
import dev.livetools.testkit.ToolRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code livetools demo}: a scripted home-automation conversation. The emulator plays the model, a real
 * {@code LiveSession} and {@code ToolDispatcher} run the sample tools (loaded as a plugin jar, as users load theirs),
 * and the conversation is printed with every tool call and its timing. No key, no network beyond 127.0.0.1.
 */
@Command(name = "demo",
        description = {"Play a scripted home-automation conversation against the sample tools on the embedded Live"
                + " API emulator, printing every turn and tool call. Needs no API key.",
                "Exit status 0 when the conversation went as scripted, 1 when a step failed."})
public final class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "dev/livetools/cli/demo/home-automation.json";
    static final String SAMPLE_TOOLS = "dev/livetools/cli/demo/sample-tools.jar";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugin folders to load instead of the bundled sample tools (the scenario calls the sample"
                    + " tools' names). Repeatable.")
    List<Path> pluginFolders = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE", description = "Play this scenario instead of the bundled one.")
    Path scenarioFile;

    @Option(names = "--voice", paramLabel = "OUT.wav",
            description = "Play it by voice (audio both ways: espeak-ng voices when installed) and write what a"
                    + " listener heard to this WAV file.")
    Path voiceFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = scenarioFile == null ? Scenario.fromResource(SCENARIO) : load(scenarioFile);
        if (!scenario.unplayableUserTurns().isEmpty()) {
            throw new CliException("--scenario " + scenarioFile + ": " + String.join("; ",
                    scenario.unplayableUserTurns()));
        }
        Path extracted = pluginFolders.isEmpty() ? extractSampleTools() : null;
        List<Path> folders = extracted == null ? pluginFolders : List.of(extracted);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CliException("--plugins " + folder + ": not a folder");
            }
        }
        ConversationPrinter printer = new ConversationPrinter(out);
        long start = System.nanoTime();
        if (voiceFile != null) {
            try (ToolCatalog catalog = catalog(folders)) {
                out.println("LiveTools demo: '" + scenario.name() + "' by voice on the embedded Live API emulator"
                        + " (no key, no network)");
                out.println("tools    " + String.join(", ", catalog.names()) + "  (" + describe(folders, extracted)
                        + ")");
                return playByVoice(scenario, catalog, out, start);
            } finally {
                deleteQuietly(extracted);
            }
        }
        try (ToolCatalog catalog = catalog(folders);
             LiveEmulator emulator = LiveEmulator.builder().frameListener(printer).start()) {
            out.println("LiveTools demo: '" + scenario.name() + "' on the embedded Live API emulator (no key, no"
                    + " network)");
            out.println("emulator " + emulator.url());
            out.println("tools    " + String.join(", ", catalog.names()) + "  (" + describe(folders, extracted) + ")");
            out.println();
            out.flush();
            ToolRun run = LiveToolsTester.forEmulator(emulator).timeout(Duration.ofSeconds(60))
                    .run(scenario, catalog);
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println(verdict(run, scenario, printer, millis));
            if (!run.passed()) {
                out.println(run.report());
            }
            out.flush();
            return run.passed() ? 0 : 1;
        } finally {
            deleteQuietly(extracted);
        }
    }

    private int playByVoice(Scenario scenario, ToolCatalog catalog, PrintWriter out, long start)
            throws IOException {
        if (voiceFile.getParent() != null && !Files.isDirectory(voiceFile.getParent())) {
            throw new CliException("--voice " + voiceFile + ": no such folder " + voiceFile.getParent());
        }
        try {
            boolean passed = new VoiceDemo(out).play(scenario, catalog, voiceFile);
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println("scenario '" + scenario.name() + "' by voice " + (passed ? "PASSED" : "FAILED") + " in "
                    + millis + " ms");
            out.flush();
            return passed ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String verdict(ToolRun run, Scenario scenario, ConversationPrinter printer, long millis) {
        return "scenario '" + scenario.name() + "' " + (run.passed() ? "PASSED" : "FAILED") + ": "
                + scenario.steps().size() + " steps, " + printer.calls() + " tool calls, " + printer.errors()
                + " answered with an error, " + printer.cancelled() + " cancelled, in " + millis + " ms";
    }

    private static String describe(List<Path> folders, Path extracted) {
        if (extracted != null) {
            return "bundled sample-tools plugin";
        }
        return "plugins from " + folders;
    }

    private static ToolCatalog catalog(List<Path> folders) {
        ToolCatalog.Builder builder = ToolCatalog.builder();
        folders.forEach(builder::addPluginFolder);
        return builder.build();
    }

    private static Scenario load(Path file) {
        try {
            return Scenario.load(file);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The sample-tools jar embedded in this jar, copied to a fresh temp plugins folder. */
    private static Path extractSampleTools() throws IOException {
        try (InputStream jar = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE_TOOLS)) {
            if (jar == null) {
                throw new CliException("the bundled sample tools (" + SAMPLE_TOOLS + ") are missing from this build;"
                        + " use --plugins DIR");
            }
            Path folder = Files.createTempDirectory("livetools-demo-plugins");
            Files.copy(jar, folder.resolve("sample-tools.jar"), StandardCopyOption.REPLACE_EXISTING);
            return folder;
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
