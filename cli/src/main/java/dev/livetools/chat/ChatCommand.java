package dev.livetools.chat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.cli.LiveToolsCli;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.session.ConnectionState;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.session.LiveSessionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code livetools chat}: a conversation in the terminal. Each line typed is a user turn; the model's answer (its text,
 * or the transcript of its audio) streams back, and every tool call it makes shows as one line with its duration and
 * outcome. Reads lines until end of input or {@code /quit}, so it also works with piped stdin; at end of input it
 * waits (bounded) for tool calls still running, such as NON_BLOCKING timers, and the model's answer to them. On a
 * terminal the user is prompted with {@code you>} and the model's words start with {@code model:}; piped output has
 * neither, so it stays the bare conversation. Every failure is reported once, on stderr.
 */
@Command(name = "chat",
        description = {"Talk to a Live model in the terminal, with your tools.",
                "The API key comes from GEMINI_API_KEY (or --api-key); it is sent in the x-goog-api-key header."})
public final class ChatCommand implements Callable<Integer> {

    static final String DEFAULT_MODEL = "gemini-3.8-live";

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A ws:// or wss:// URL (e.g. the local emulator). Default: the Gemini API, v1beta.")
    String endpointUrl;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "Model id or full name. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin jars. Repeatable.")
    List<Path> pluginFolders = new ArrayList<>();

    @Option(names = "--scan", paramLabel = "PACKAGE",
            description = "A classpath package to scan for @LiveTool classes. Repeatable.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--system", paramLabel = "TEXT", description = "The system instruction.")
    String system;

    @Option(names = "--voice", paramLabel = "NAME", description = "A prebuilt voice, e.g. Kore.")
    String voice;

    @Option(names = "--modality", paramLabel = "TEXT|AUDIO", defaultValue = "AUDIO",
            description = "How the model answers; AUDIO answers are shown as their transcript. Default: "
                    + "${DEFAULT-VALUE} (native-audio and 3.8 models answer in audio only).")
    String modality;

    @Option(names = "--api-key", paramLabel = "KEY", description = "The API key, instead of GEMINI_API_KEY.")
    String apiKey;

    @Option(names = "--turn-timeout", paramLabel = "SECONDS", defaultValue = "120", hidden = true,
            description = "How long to wait for the model to finish a turn.")
    long turnTimeoutSeconds;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "At end of input, how long to wait for tool calls still running (and the model's answer "
                    + "to them). Default: ${DEFAULT-VALUE}.")
    long drainTimeoutSeconds;

    private final Map<String, String> environment;
    private final InputStream input;
    private final boolean terminal;

    public ChatCommand() {
        this(System.getenv(), System.in, System.console() != null);
    }

    ChatCommand(Map<String, String> environment, InputStream input) {
        this(environment, input, false);
    }

    /** @param terminal whether a person types and reads (prompts and prefixes), rather than pipes */
    ChatCommand(Map<String, String> environment, InputStream input, boolean terminal) {
        this.environment = environment;
        this.input = input;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!modality.equals("TEXT") && !modality.equals("AUDIO")) {
            return usage(err, "--modality must be TEXT or AUDIO, got " + modality);
        }
        String key = apiKey != null ? apiKey : environment.get("GEMINI_API_KEY");
        if (key != null && key.isBlank()) {
            key = null;
        }
        LiveEndpoint endpoint;
        try {
            endpoint = endpoint(key);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        if (endpoint == null) {
            return usage(err, "no API key: set GEMINI_API_KEY or pass --api-key (or point --endpoint at a local "
                    + "emulator)");
        }
        try (ToolCatalog catalog = catalog()) {
            ChatPrinter printer = new ChatPrinter(out, modality.equals("AUDIO"), terminal);
            LiveSession.Builder builder = LiveSession.builder(endpoint).model(model).responseModality(modality)
                    .systemInstruction(system).voice(voice).outputTranscription(modality.equals("AUDIO"))
                    .listener(printer);
            try (ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build()) {
                builder.tools(dispatcher);
                out.println("[session] " + catalog.tools().size() + " tool(s): " + String.join(", ", catalog.names()));
                out.flush();
                LiveSession session;
                try {
                    session = builder.connect();
                } catch (LiveSessionException e) {
                    return usage(err, e.getMessage());
                }
                try (session) {
                    return converse(session, printer, err);
                }
            }
        }
    }

    private int converse(LiveSession session, ChatPrinter printer, PrintWriter err)
            throws IOException, InterruptedException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        boolean endOfInput = true;
        while (session.state() != ConnectionState.CLOSED) {
            if (terminal) {
                printer.prompt("you> ");
            }
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals("/quit")) {
                endOfInput = false;
                break;
            }
            printer.turnDone().drainPermits();
            session.sendText(text);
            // One turn at a time: a new clientContent would interrupt the answer still being generated.
            if (!printer.turnDone().tryAcquire(turnTimeoutSeconds, TimeUnit.SECONDS)) {
                err.println("livetools chat: no answer within " + turnTimeoutSeconds + " s");
                err.flush();
            }
        }
        if (endOfInput && session.state() != ConnectionState.CLOSED) {
            awaitRunningTools(printer, err);
        }
        if (session.state() == ConnectionState.CLOSED) {
            // The server (or the network) ended it; its CLOSED event carries why and may still be on its way.
            String why = printer.awaitClosed(5, TimeUnit.SECONDS);
            err.println("livetools chat: the session ended" + (why == null ? "" : ": " + why));
            err.flush();
            return 1;
        }
        printer.stop(); // closing the session next: what it says about abandoned calls was reported above
        return 0;
    }

    /**
     * End of input with tool calls still running (a NON_BLOCKING timer, a slow lookup): their results would reach the
     * model, and its answer the user, only if the session stays open. Waits for them and then for the model's next
     * turn, within {@code --drain-timeout} in all; what is still running after that is reported in one line.
     */
    private void awaitRunningTools(ChatPrinter printer, PrintWriter err) throws InterruptedException {
        if (printer.awaitToolCalls(0, TimeUnit.SECONDS).isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeoutSeconds);
        printer.turnDone().drainPermits();
        List<String> left = printer.awaitToolCalls(drainTimeoutSeconds, TimeUnit.SECONDS);
        if (!left.isEmpty()) {
            err.println("livetools chat: end of input with " + left.size() + " tool call(s) still running after "
                    + drainTimeoutSeconds + " s (" + String.join(", ", left) + "); closing the session abandons them");
            err.flush();
            return;
        }
        long waitForAnswer = Math.max(0, deadline - System.nanoTime());
        printer.turnDone().tryAcquire(waitForAnswer, TimeUnit.NANOSECONDS);
    }

    /** The endpoint, or {@code null} when it needs a key and there is none. */
    private LiveEndpoint endpoint(String key) {
        if (endpointUrl != null) {
            if (key == null && LiveEndpoint.needsApiKey(endpointUrl)) {
                return null;
            }
            return LiveEndpoint.url(endpointUrl, key);
        }
        if (key == null) {
            return null;
        }
        return key.startsWith("auth_tokens/") ? LiveEndpoint.ephemeralToken(key) : LiveEndpoint.geminiApi(key);
    }

    private ToolCatalog catalog() {
        ToolCatalog.Builder b = ToolCatalog.builder();
        pluginFolders.forEach(b::addPluginFolder);
        if (!packages.isEmpty()) {
            b.scanClasspath(packages.toArray(String[]::new));
        }
        return b.build();
    }

    private static int usage(PrintWriter err, String message) {
        err.println("livetools chat: " + message);
        err.flush();
        return LiveToolsCli.EXIT_USAGE;
    }
}
