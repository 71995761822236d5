package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.golden.Golden;
import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsCommandTest {

    private static final String FIXTURES = "dev.livetools.catalog.scanfixture";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void printsTheSetupMessageOfTheScannedToolsAsPrettyJson() {
        CliRun run = CliRun.of("tools", "--scan", FIXTURES);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        Golden.assertMatches("cli/tools-scanfixture.setup.json", run.out());
    }

    @Test
    void theSetupHoldsTheModelAndOneToolEntryWithEveryDeclaration() throws Exception {
        JsonNode setup = MAPPER.readTree(CliRun.of("tools", "--scan", FIXTURES).out()).get("setup");
        assertThat(setup.get("model").asText()).isEqualTo("models/gemini-3.8-live");
        assertThat(setup.get("tools")).hasSize(1);
        assertThat(setup.get("tools").get(0).get("functionDeclarations")).extracting(d -> d.get("name").asText())
                .containsExactly("add", "now", "total");
    }

    @Test
    void aBareModelIdGetsTheModelsPrefixAndAFullNameIsKept() throws Exception {
        assertThat(MAPPER.readTree(CliRun.of("tools", "--scan", FIXTURES, "--model", "gemini-2.5-flash-native-audio-preview-12-2025")
                .out()).at("/setup/model").asText()).isEqualTo("models/gemini-2.5-flash-native-audio-preview-12-2025");
        String vertex = "projects/p/locations/us-central1/publishers/google/models/gemini-live-2.5-flash-native-audio";
        assertThat(MAPPER.readTree(CliRun.of("tools", "--scan", FIXTURES, "--model", vertex).out())
                .at("/setup/model").asText()).isEqualTo(vertex);
    }

    @Test
    void toolsOfEveryPluginFolderAreDeclared(@TempDir Path tmp) throws Exception {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path second = Files.createDirectories(tmp.resolve("second"));
        Compiler.pluginJar(tmp.resolve("work"), first.resolve("a.jar"), Map.of("a.Alpha", """
                package a;
                public class Alpha { @dev.livetools.sdk.LiveTool(description = "A") public static void alpha() { } }
                """));
        Compiler.pluginJar(tmp.resolve("work"), second.resolve("b.jar"), Map.of("b.Beta", """
                package b;
                public class Beta { @dev.livetools.sdk.LiveTool(description = "B") public static void beta(int n) { } }
                """));
        CliRun run = CliRun.of("tools", "--plugins", first.toString(), "--plugins", second.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(MAPPER.readTree(run.out()).at("/setup/tools/0/functionDeclarations"))
                .extracting(d -> d.get("name").asText()).containsExactly("alpha", "beta");
    }

    @Test
    void aMissingPluginFolderIsAConfigurationErrorOnStderrWithExitTwo(@TempDir Path tmp) {
        Path missing = tmp.resolve("missing");
        CliRun run = CliRun.of("tools", "--plugins", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("livetools tools: plugin folder " + missing
                + " does not exist or is not a directory" + System.lineSeparator());
    }

    @Test
    void discoveryProblemsAreListedOnStderrWithExitTwo(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("bad.jar"), Map.of("bad.Bad", """
                package bad;
                public class Bad {
                    @dev.livetools.sdk.LiveTool(name = "no spaces") public static void a() { }
                    @dev.livetools.sdk.LiveTool static void b() { }
                }
                """));
        CliRun run = CliRun.of("tools", "--plugins", plugins.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("livetools tools: 2 problems found while discovering tools:")
                .contains("Bad.a(): tool name 'no spaces' is invalid").contains("Bad.b(): @LiveTool method is not public");
    }

    @Test
    void noToolsFoundStillPrintsTheSetupAndSaysWhatWasSearchedAndWhyNothingWasFound(@TempDir Path tmp)
            throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path jar = Compiler.pluginJar(tmp.resolve("work"), plain.resolve("plain.jar"), Map.of("p.Plain", """
                package p;
                public class Plain { public static void run() { } }
                """));
        CliRun run = CliRun.of("tools", "--plugins", empty.toString(), "--plugins", plain.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(MAPPER.readTree(run.out())).isEqualTo(MAPPER.readTree("{\"setup\":{\"model\":\"models/gemini-3.8-live\"}}"));
        String nl = System.lineSeparator();
        assertThat(run.err()).isEqualTo("livetools tools: no tools found" + nl
                + "  - plugin folder " + empty + ": no *.jar files in it (it is empty)" + nl
                + "  - plugin " + jar + ": 1 class, none with @LiveTool methods (are they annotated with "
                + "dev.livetools.sdk.LiveTool?)" + nl);
    }

    @Test
    void toolsRefusesWhatChatAndDemoWouldRefuseWithTheSameMessageAndExitCode(@TempDir Path tmp) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("static.jar"), Map.of("s.Volume", """
                package s;
                public class Volume {
                    @dev.livetools.sdk.LiveTool
                    public static String volume(@jakarta.validation.constraints.Min(0) int level) { return "ok"; }
                }
                """));
        CliRun tools = CliRun.of("tools", "--plugins", plugins.toString());
        CliRun chat = CliRun.of("chat", "--plugins", plugins.toString(), "--endpoint", "ws://127.0.0.1:9/ws");
        CliRun demo = CliRun.of("demo", "--plugins", plugins.toString());
        assertThat(tools.exitCode()).isEqualTo(2);
        assertThat(tools.out()).isEmpty();
        assertThat(tools.err()).contains("Volume.volume(int): Jakarta Validation ignores static methods");
        String problem = tools.err().substring("livetools tools: ".length());
        assertThat(chat.exitCode()).isEqualTo(tools.exitCode());
        assertThat(chat.err()).isEqualTo("livetools chat: " + problem);
        assertThat(demo.exitCode()).isEqualTo(tools.exitCode());
        assertThat(demo.err()).isEqualTo("livetools demo: " + problem);
    }

    @Test
    void anEmptyModelIsAConfigurationError() {
        CliRun run = CliRun.of("tools", "--scan", FIXTURES, "--model", " ");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("livetools tools: --model must not be empty");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("tools", "--plugin", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--plugin', 'x'").contains("Possible solutions: --plugins");
    }

    @Test
    void helpDescribesEveryOption() {
        CliRun run = CliRun.of("tools", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--plugins=DIR", "--scan=PACKAGE", "--model=MODEL", "Default: gemini-3.8-live");
    }
}
