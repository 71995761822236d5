package dev.livetools.cli.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.cli.LiveToolsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code livetools demo} end to end: the bundled scenario against the embedded sample-tools plugin. */
@Timeout(60)
class DemoCommandTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Outcome(exit, out.toString(), err.toString());
    }

    @Test
    void theDemoPlaysTheHomeConversationAndExitsZero() {
        Outcome outcome = run("demo");

        assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isZero();
        assertThat(outcome.out())
                .contains("user   Turn on the kitchen light at 60 percent")
                .contains("model  -> setLight(name=\"kitchen ceiling light\", on=true, brightness=60)")
                .contains("tool   <- setThermostat ok in ")
                .contains("tool   <- startTimer partial in ")
                .contains("tool   <- setLight error INVALID_ARGUMENT in ")
                .contains("tool   <- startTimer ok in ")
                .contains("model  x  cancels startTimer [function-call-6]")
                .contains("scenario 'home automation' PASSED: 35 steps, 6 tool calls, 1 answered with an error,"
                        + " 1 cancelled");
    }

    @Test
    void aScenarioThatFailsMakesTheDemoExitOne(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("wrong.json");
        Files.writeString(scenario, "{\"name\": \"wrong\", \"expectTimeout\": \"2s\", \"steps\": ["
                + "{\"expectText\": \"Turn on the hall light\"},"
                + "{\"toolCall\": [{\"id\": \"c1\", \"name\": \"setLight\", \"args\": {\"name\": \"hallway light\","
                + " \"on\": true}}]},"
                + "{\"expectToolResponse\": [{\"id\": \"c1\", \"errorType\": \"INVALID_ARGUMENT\"}]},"
                + "{\"turnComplete\": {}}]}");

        Outcome outcome = run("demo", "--scenario", scenario.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("scenario 'wrong' FAILED").contains("error type is (absent)");
    }

    @Test
    void anAnyTextUserTurnIsAUsageErrorAndNoEmptyTurnIsSent(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("any.json");
        Files.writeString(scenario, "{\"name\": \"any\", \"steps\": [{\"expectText\": {}}, {\"text\": \"ok\"}]}");

        Outcome outcome = run("demo", "--scenario", scenario.toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo("livetools demo: --scenario " + scenario
                + ": steps[0]: {\"expectText\": {}} accepts any text, so a scripted user has nothing to say; write the"
                + " user's words ({\"expectText\": \"...\"} or {\"contains\": \"...\"})");
        assertThat(outcome.out()).doesNotContain("user ");
    }

    @Test
    void aMisspeltScenarioFieldIsAUsageErrorNamingStepAndField(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("typo.json");
        Files.writeString(scenario, "{\"steps\": [{\"expectText\": \"hi\"},"
                + " {\"expectToolResponse\": [{\"id\": \"c1\", \"outputContain\": \"on\"}]}]}");

        Outcome outcome = run("demo", "--scenario", scenario.toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("steps[1].expectToolResponse[0]: unknown field 'outputContain'; did you"
                + " mean 'outputContains'?");
    }

    @Test
    void aMissingPluginFolderIsAUsageError(@TempDir Path dir) {
        Outcome outcome = run("demo", "--plugins", dir.resolve("nope").toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("not a folder");
    }
}
