package dev.livetools.chat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.cli.LiveToolsCli;
import dev.livetools.protocol.ClientContent;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;
import dev.livetools.session.ScriptedLiveServer;
import dev.livetools.testsupport.Compiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code livetools chat} end to end: piped stdin, a plugin jar, a scripted Live server on loopback. */
@Timeout(20)
class ChatCommandTest {

    private static final String WEATHER = """
            package acme.weather;
            import dev.livetools.sdk.LiveTool;
            import dev.livetools.sdk.Param;
            public class WeatherTools {
                @LiveTool(description = "The weather in a city")
                public static String get_weather(@Param(description = "City") String city) {
                    return "sunny in " + city;
                }
            }
            """;

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(new ChatCommand(env, in));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** Answers a weather question with a tool call, then the tool's result in words. */
    private static ScriptedLiveServer weatherServer(boolean audio) {
        return new ScriptedLiveServer((peer, m) -> {
            if (m instanceof Setup) {
                peer.sendSample("rec-mldev-server-setupComplete.json");
            } else if (m instanceof ClientContent c && c.turns().get(0).text().contains("weather")) {
                peer.send(ServerMessage.of(new ToolCall(List.of(new FunctionCall("call-1", "get_weather",
                        JsonNodeFactory.instance.objectNode().put("city", "Oslo"))))));
            } else if (m instanceof ToolResponse r) {
                // The words depend on what the tool really returned, so the test sees the whole round trip.
                String said = r.functionResponses().get(0).response().toString().contains("sunny in Oslo")
                        ? "It is sunny in Oslo." : "I could not find out.";
                peer.send(ServerMessage.of(audio ? ServerContent.outputTranscription(said) : ServerContent.text(said)))
                        .send(ServerMessage.of(ServerContent.ofTurnComplete()));
            } else if (m instanceof ClientContent) {
                peer.send(ServerMessage.of(audio ? ServerContent.outputTranscription("You're welcome.")
                        : ServerContent.text("You're welcome."))).send(ServerMessage.of(ServerContent.ofTurnComplete()));
            }
        });
    }

    private Path plugins() {
        Path folder = tmp.resolve("plugins");
        Compiler.pluginJar(tmp.resolve("work"), folder.resolve("weather.jar"), Map.of("acme.weather.WeatherTools",
                WEATHER));
        return folder;
    }

    @Test
    void aPipedConversationStreamsTheAnswersAndShowsEachToolCallOnOneLine() throws Exception {
        try (ScriptedLiveServer server = weatherServer(false)) {
            Run run = run(Map.of(), "what is the weather in Oslo?\nthanks\n", "--endpoint", server.url(),
                    "--plugins", plugins().toString(), "--modality", "TEXT", "--system", "Be brief.");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("1 tool(s): get_weather");
            assertThat(run.out()).containsPattern("\\[tool] get_weather \\d+ ms ok");
            assertThat(run.out()).contains("It is sunny in Oslo.").contains("You're welcome.");
            assertThat(run.out().indexOf("[tool]")).isLessThan(run.out().indexOf("It is sunny in Oslo."));
            Setup setup = (Setup) server.received(e -> e.message() instanceof Setup).get(0).message();
            assertThat(setup.model()).isEqualTo("models/gemini-3.8-live");
            assertThat(setup.systemInstruction().text()).isEqualTo("Be brief.");
            assertThat(setup.generationConfig().responseModalities()).containsExactly("TEXT");
            assertThat(setup.functionDeclarations()).extracting(d -> d.name()).containsExactly("get_weather");
        }
    }

    @Test
    void inAudioModalityTheTranscriptOfTheAnswerIsShown() throws Exception {
        try (ScriptedLiveServer server = weatherServer(true)) {
            Run run = run(Map.of(), "thanks\n", "--endpoint", server.url(), "--voice", "Kore");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("You're welcome.");
            Setup setup = (Setup) server.received(e -> e.message() instanceof Setup).get(0).message();
            assertThat(setup.generationConfig().responseModalities()).containsExactly("AUDIO");
            assertThat(setup.outputAudioTranscription()).isNotNull();
            assertThat(setup.generationConfig().speechConfig().voiceName()).isEqualTo("Kore");
        }
    }

    @Test
    void theKeyFromTheEnvironmentIsSentInTheHeader() throws Exception {
        try (ScriptedLiveServer server = weatherServer(false)) {
            Run run = run(Map.of("GEMINI_API_KEY", "env-key-123"), "", "--endpoint", server.url());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.headersOf(1)).containsEntry("x-goog-api-key", "env-key-123");
            assertThat(run.out() + run.err()).doesNotContain("env-key-123");
        }
    }

    @Test
    void withoutAKeyTheGeminiApiEndpointIsAUsageErrorWithExitCode2() {
        Run run = run(Map.of(), "hello\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no API key").contains("GEMINI_API_KEY").contains("--api-key");
    }

    @Test
    void aGoogleEndpointUrlAlsoNeedsAKey() {
        Run run = run(Map.of(), "", "--endpoint", "wss://generativelanguage.googleapis.com/ws/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no API key");
    }

    @Test
    void aRejectedSetupIsExplainedWithExitCode2() throws Exception {
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> peer.close(1008,
                "models/nope is not found for API version v1beta, or is not supported for bidiGenerateContent."))) {
            Run run = run(Map.of(), "hi\n", "--endpoint", server.url(), "--model", "nope");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("1008").contains("check --model");
        }
    }

    @Test
    void anInvalidModalityIsAUsageError() {
        Run run = run(Map.of(), "", "--endpoint", "ws://127.0.0.1:1/ws", "--modality", "IMAGE");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TEXT or AUDIO");
    }

    @Test
    void chatIsRegisteredWithTheLivetoolsCommandLine() {
        assertThat(LiveToolsCli.commandLine().getSubcommands()).containsKey("chat");
    }
}
