package dev.livetools.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.Blob;
import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.session.ScriptedLiveServer;
import dev.livetools.testsupport.Compiler;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code livetools chat} prints: prompts only on a terminal, audio without words as a note, failures once, and
 * the end of input waiting for tool calls still running.
 */
@Timeout(30)
class ChatOutputTest {

    /** A NON_BLOCKING timer that rings after the given milliseconds. */
    private static final String TIMER = """
            package acme.timer;
            import dev.livetools.sdk.Behavior;
            import dev.livetools.sdk.LiveTool;
            public class TimerTools {
                @LiveTool(description = "Start a timer", behavior = Behavior.NON_BLOCKING, timeout = "60s")
                public String startTimer(int millis) throws InterruptedException {
                    Thread.sleep(millis);
                    return "rang after " + millis + " ms";
                }
            }
            """;

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(boolean terminal, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(new ChatCommand(Map.of(), in, terminal));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private static ScriptedLiveServer answering(String words) {
        return new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample("rec-mldev-server-setupComplete.json");
            } else if (m instanceof ClientContent) {
                peer.send(ServerMessage.of(ServerContent.text(words)))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            }
        });
    }

    /** Starts the timer when asked, says so at once, and announces the result when the tool answers. */
    private static ScriptedLiveServer timerServer(int millis) {
        return new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample("rec-mldev-server-setupComplete.json");
            } else if (m instanceof ClientContent) {
                peer.send(ServerMessage.of(new ToolCall(List.of(new FunctionCall("t1", "startTimer",
                                JsonNodeFactory.instance.objectNode().put("millis", millis))))))
                        .send(ServerMessage.of(ServerContent.text("Timer started.")))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            } else if (m instanceof ToolResponse r) {
                peer.send(ServerMessage.of(ServerContent.text("Your timer rang: "
                                + r.functionResponses().get(0).response().path("output").asText())))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            }
        });
    }

    private Path timerPlugin() {
        Path folder = tmp.resolve("plugins");
        Compiler.pluginJar(tmp.resolve("work"), folder.resolve("timer.jar"), Map.of("acme.timer.TimerTools", TIMER));
        return folder;
    }

    @Test
    void onATerminalTheUserIsPromptedAndTheModelsWordsArePrefixed() throws Exception {
        try (ScriptedLiveServer server = answering("Hello there.")) {
            Run run = run(true, "hi\n", "--endpoint", server.url(), "--modality", "TEXT");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("you> model: Hello there.\nyou> ");
        }
    }

    @Test
    void pipedOutputHasNeitherPromptNorPrefix() throws Exception {
        try (ScriptedLiveServer server = answering("Hello there.")) {
            Run run = run(false, "hi\n", "--endpoint", server.url(), "--modality", "TEXT");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Hello there.").doesNotContain("you>").doesNotContain("model:");
        }
    }

    @Test
    void anAudioAnswerWithoutWordsIsAOneLineNoteNamingTheWaysToHearIt() throws Exception {
        byte[] pcm = new byte[4800];
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample("rec-mldev-server-setupComplete.json");
            } else if (m instanceof ClientContent) {
                Part audio = Part.inlineData(Blob.of("audio/pcm;rate=24000", pcm));
                peer.send(ServerMessage.of(ServerContent.modelTurn(audio)))
                        .send(ServerMessage.of(ServerContent.modelTurn(audio)))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            }
        })) {
            Run run = run(false, "hi\n", "--endpoint", server.url());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).containsOnlyOnce("[audio] the model answered in audio (9600 bytes) without a "
                    + "transcript (--modality TEXT or livetools voice shows it)");
        }
    }

    @Test
    void inAudioModalityTextPartsAreShownToo() throws Exception {
        try (ScriptedLiveServer server = answering("Spoken and written.")) {
            Run run = run(false, "hi\n", "--endpoint", server.url(), "--modality", "AUDIO");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Spoken and written.").doesNotContain("[audio]");
        }
    }

    @Test
    void aRefusedConnectionIsReportedOnceOnStderr() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = run(false, "hi\n", "--endpoint", "ws://127.0.0.1:" + port + "/ws");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("127.0.0.1:" + port);
        assertThat(run.out()).doesNotContain("closed");
    }

    @Test
    void aSessionTheServerEndsIsReportedOnceWithItsReason() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample("rec-mldev-server-setupComplete.json");
            } else if (m instanceof ClientContent) {
                peer.close(1007, "Request contains an invalid argument.");
            }
        })) {
            Run run = run(false, "hi\nagain\n", "--endpoint", server.url(), "--modality", "TEXT");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out() + run.err()).containsOnlyOnce("Request contains an invalid argument.");
            assertThat(run.err()).startsWith("livetools chat: the session ended: ");
        }
    }

    @Test
    void endOfInputWaitsForARunningNonBlockingCallAndShowsTheModelsAnswerToIt() throws Exception {
        try (ScriptedLiveServer server = timerServer(1500)) {
            Run run = run(false, "start a timer\n", "--endpoint", server.url(), "--modality", "TEXT",
                    "--plugins", timerPlugin().toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Timer started.").containsPattern("\\[tool] startTimer \\d+ ms ok")
                    .contains("Your timer rang: rang after 1500 ms");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aCallStillRunningWhenTheWaitEndsIsReportedOnce() throws Exception {
        try (ScriptedLiveServer server = timerServer(20_000)) {
            Run run = run(false, "start a timer\n", "--endpoint", server.url(), "--modality", "TEXT",
                    "--plugins", timerPlugin().toString(), "--drain-timeout", "1");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEqualTo("livetools chat: end of input with 1 tool call(s) still running after"
                    + " 1 s (startTimer); closing the session abandons them" + System.lineSeparator());
            assertThat(run.out()).doesNotContain("unanswered").doesNotContain("rang");
        }
    }
}
