package dev.livetools.cli.voice;

import dev.livetools.audio.AudioDeviceUnavailableException;
import dev.livetools.audio.AudioFormatException;
import dev.livetools.audio.AudioInput;
import dev.livetools.audio.AudioOutput;
import dev.livetools.audio.EchoCanceller;
import dev.livetools.audio.MicrophoneInput;
import dev.livetools.audio.SpeakerOutput;
import dev.livetools.audio.TalkSwitch;
import dev.livetools.audio.ToolCallRecorder;
import dev.livetools.audio.TranscriptFile;
import dev.livetools.audio.VoiceLoop;
import dev.livetools.audio.VoiceSettings;
import dev.livetools.audio.WavFileInput;
import dev.livetools.audio.WavFileOutput;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.cli.CliException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code livetools voice}: talk to your tools. The microphone (or a WAV file) is streamed to the model as 16 kHz PCM,
 * the model's speech plays on the speaker (or is written to a WAV file at playback pace), both sides are transcribed
 * as they speak, and every tool call shows with its outcome and duration. With {@code --input FILE.wav} it ends once
 * the file has been sent and the model has finished answering.
 */
@Command(name = "voice",
        description = {"Talk to a Live model with your tools: microphone or WAV in, speaker or WAV out.",
                "The API key comes from GEMINI_API_KEY (or --api-key). Exit status 0 when the conversation ended"
                        + " normally, 1 when the model did not answer or the session failed, 2 for usage errors"
                        + " (including no sound device: use --input/--output with WAV files)."})
public final class VoiceCommand implements Callable<Integer> {

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

    @Option(names = "--voice", paramLabel = "NAME", description = "A prebuilt voice, e.g. Kore, Puck, Charon.")
    String voice;

    @Option(names = "--language", paramLabel = "CODE", description = "The language to speak, e.g. en-US, de-DE.")
    String language;

    @Option(names = "--input", paramLabel = "mic|FILE.wav", defaultValue = "mic",
            description = "Where your speech comes from: the default microphone, or a WAV file (any rate, channels"
                    + " and bit depth), streamed in real time. Default: ${DEFAULT-VALUE}.")
    String input;

    @Option(names = "--output", paramLabel = "speaker|FILE.wav", defaultValue = "speaker",
            description = "Where the model's speech goes: the default speaker, or a 24 kHz WAV file written at"
                    + " playback pace (what a listener heard). Default: ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--transcript", paramLabel = "FILE",
            description = "Write the conversation as JSON lines: time, who, text; tool calls with args, outcome and"
                    + " duration.")
    Path transcript;

    @Option(names = "--push-to-talk",
            description = "Turn the service's voice activity detection off: press Enter to start talking and Enter"
                    + " again to stop (with --input FILE.wav, the whole file is one turn).")
    boolean pushToTalk;

    @Option(names = "--half-duplex",
            description = "Mute the microphone while the model speaks (loudspeakers without echo cancellation).")
    boolean halfDuplex;

    @Option(names = "--echo-cancel",
            description = "Cancel the speaker's echo with WebRTC's audio processing module (needs webrtc-java on the"
                    + " class path; see docs/voice.md). For the microphone with the speaker.")
    boolean echoCancel;

    @Option(names = "--timings",
            description = "Print per turn the time from the end of your speech to the model's first audio, and each"
                    + " tool call's duration.")
    boolean timings;

    @Option(names = "--start-sensitivity", paramLabel = "HIGH|LOW",
            description = "How readily the service hears the start of speech.")
    String startSensitivity;

    @Option(names = "--end-sensitivity", paramLabel = "HIGH|LOW",
            description = "How readily the service decides speech has ended.")
    String endSensitivity;

    @Option(names = "--silence-ms", paramLabel = "MS",
            description = "Silence that ends your turn (the service's default is used otherwise).")
    Integer silenceMs;

    @Option(names = "--prefix-padding-ms", paramLabel = "MS",
            description = "Speech needed before the service commits to a start of speech.")
    Integer prefixPaddingMs;

    @Option(names = "--no-barge-in",
            description = "Your speech does not interrupt the model (activityHandling NO_INTERRUPTION).")
    boolean noBargeIn;

    @Option(names = "--no-transcription", description = "Do not ask for transcripts of either side.")
    boolean noTranscription;

    @Option(names = "--api-key", paramLabel = "KEY", description = "The API key, instead of GEMINI_API_KEY.")
    String apiKey;

    @Option(names = "--wait-for-calls", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --input FILE.wav: how long to wait for NON_BLOCKING calls still running at the end."
                    + " Default: ${DEFAULT-VALUE}.")
    long waitForCallsSeconds;

    @Option(names = "--answer-timeout", paramLabel = "SECONDS", defaultValue = "60", hidden = true,
            description = "With --input FILE.wav: how long to wait for the model to finish after the file was sent.")
    long answerTimeoutSeconds;

    private final Map<String, String> environment;
    private final InputStream keys;

    public VoiceCommand() {
        this(System.getenv(), System.in);
    }

    VoiceCommand(Map<String, String> environment, InputStream keys) {
        this.environment = environment;
        this.keys = keys;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VoiceSettings settings;
        try {
            settings = new VoiceSettings(voice, language, !noTranscription, pushToTalk, startSensitivity,
                    endSensitivity, prefixPaddingMs, silenceMs, !noBargeIn);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        boolean fromFile = !input.equals("mic");
        // the devices first: on a machine without sound the answer is --input/--output, whatever else is missing
        try (AudioInput in = openInput(); AudioOutput speakerOrFile = openOutput();
             ToolCatalog catalog = catalog();
             TranscriptFile log = transcript == null ? null : TranscriptFile.open(transcript)) {
            VoicePrinter printer = new VoicePrinter(out, timings);
            TalkSwitch talk = !pushToTalk ? null : fromFile ? TalkSwitch.pressed() : new TalkSwitch();
            VoiceLoop.Builder loop = VoiceLoop.builder(in, speakerOrFile).halfDuplex(halfDuplex).pushToTalk(talk)
                    .listener(printer);
            if (log != null) {
                loop.listener(log);
            }
            EchoCanceller canceller = echoCanceller(in, speakerOrFile);
            if (canceller != null) {
                loop.echoCanceller(canceller);
            }
            VoiceLoop voiceLoop = loop.build();
            LiveEndpoint endpoint = endpoint();
            LiveSession.Builder builder = LiveSession.builder(endpoint).model(model).systemInstruction(system)
                    .listener(voiceLoop);
            settings.applyTo(builder);
            try (ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build()) {
                ToolCallRecorder calls = new ToolCallRecorder(dispatcher).listener(printer);
                if (log != null) {
                    calls.listener(log);
                }
                builder.tools(catalog.declarations(), calls);
                out.println("[voice] " + in.describe() + " -> model -> " + speakerOrFile.describe() + "; "
                        + catalog.tools().size() + " tool(s): " + String.join(", ", catalog.names()));
                out.flush();
                LiveSession session;
                try {
                    session = builder.connect();
                } catch (LiveSessionException e) {
                    throw new CliException(e.getMessage());
                }
                try (session; voiceLoop) {
                    voiceLoop.start(session);
                    return fromFile ? untilAnswered(voiceLoop, calls, speakerOrFile, out)
                            : untilQuit(session, talk, out);
                }
            }
        }
    }

    private int untilAnswered(VoiceLoop loop, ToolCallRecorder calls, AudioOutput sink, PrintWriter out)
            throws InterruptedException {
        VoiceLoop.Ending ending = loop.awaitConversationEnd(calls, Duration.ofSeconds(waitForCallsSeconds),
                Duration.ofSeconds(answerTimeoutSeconds));
        sink.awaitQuiet(Duration.ofSeconds(5));
        PrintWriter err = spec.commandLine().getErr();
        switch (ending) {
            case COMPLETE -> out.println("[voice] done: the file was sent and the model has answered");
            case CALLS_PENDING -> out.println("[voice] done; " + calls.pendingCalls()
                    + " NON_BLOCKING call(s) still running after " + waitForCallsSeconds + " s were left");
            case NO_ANSWER -> err.println("livetools voice: the model did not finish answering within "
                    + answerTimeoutSeconds + " s of the end of the file");
            case SESSION_CLOSED -> err.println("livetools voice: the session ended before the model answered");
        }
        out.flush();
        err.flush();
        return ending == VoiceLoop.Ending.COMPLETE || ending == VoiceLoop.Ending.CALLS_PENDING ? 0 : 1;
    }

    /** The microphone runs until /quit, end of input or the session ends; with push-to-talk Enter toggles talking. */
    private int untilQuit(LiveSession session, TalkSwitch talk, PrintWriter out) throws IOException {
        out.println(talk == null ? "[voice] speak; type /quit (or Ctrl-D) to stop"
                : "[voice] press Enter to talk, Enter again to stop; /quit to end");
        out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(keys, StandardCharsets.UTF_8));
        String line;
        while (session.state() != ConnectionState.CLOSED && (line = lines.readLine()) != null) {
            if (line.strip().equals("/quit")) {
                break;
            }
            if (talk != null) {
                out.println(talk.toggle() ? "[voice] talking..." : "[voice] listening");
                out.flush();
            }
        }
        return session.state() == ConnectionState.CLOSED ? 1 : 0;
    }

    /** The WebRTC echo canceller wired to the speaker, or {@code null} without {@code --echo-cancel}. */
    private EchoCanceller echoCanceller(AudioInput in, AudioOutput speakerOrFile) {
        if (!echoCancel) {
            return null;
        }
        if (!(in instanceof MicrophoneInput) || !(speakerOrFile instanceof SpeakerOutput speaker)) {
            throw new CliException("--echo-cancel is for the microphone with the speaker (--input mic --output"
                    + " speaker); a file has no echo");
        }
        EchoCanceller canceller = EchoCanceller.webRtc().orElseThrow(() -> new CliException("--echo-cancel needs"
                + " dev.onvoid.webrtc:webrtc-java and its native jar on the class path (livetools.jar does not bundle"
                + " its 23 MB); see docs/voice.md, or use headphones or --half-duplex"));
        speaker.echoReference(canceller);
        return canceller;
    }

    private AudioInput openInput() throws IOException {
        if (input.equals("mic")) {
            try {
                return MicrophoneInput.open();
            } catch (AudioDeviceUnavailableException e) {
                throw new CliException(e.getMessage() + "; use --input FILE.wav instead");
            }
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new CliException("--input " + input + ": no such file (give a WAV file, or mic)");
        }
        try {
            return WavFileInput.open(file);
        } catch (AudioFormatException e) {
            throw new CliException("--input " + e.getMessage());
        }
    }

    private AudioOutput openOutput() throws IOException {
        if (output.equals("speaker")) {
            try {
                return SpeakerOutput.open();
            } catch (AudioDeviceUnavailableException e) {
                throw new CliException(e.getMessage() + "; use --output FILE.wav instead");
            }
        }
        Path file = Path.of(output);
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new CliException("--output " + output + ": no such folder " + file.getParent());
        }
        return WavFileOutput.open(file);
    }

    private LiveEndpoint endpoint() {
        String key = apiKey != null ? apiKey : environment.get("GEMINI_API_KEY");
        if (key != null && key.isBlank()) {
            key = null;
        }
        try {
            if (endpointUrl != null) {
                if (key == null && LiveEndpoint.needsApiKey(endpointUrl)) {
                    throw noKey();
                }
                return LiveEndpoint.url(endpointUrl, key);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (key == null) {
            throw noKey();
        }
        return key.startsWith("auth_tokens/") ? LiveEndpoint.ephemeralToken(key) : LiveEndpoint.geminiApi(key);
    }

    private static CliException noKey() {
        return new CliException("no API key: set GEMINI_API_KEY or pass --api-key (or point --endpoint at a local"
                + " emulator)");
    }

    private ToolCatalog catalog() {
        ToolCatalog.Builder b = ToolCatalog.builder();
        pluginFolders.forEach(b::addPluginFolder);
        if (!packages.isEmpty()) {
            b.scanClasspath(packages.toArray(String[]::new));
        }
        return b.build();
    }
}
