package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveToolsCliTest {

    @Test
    void helpListsTheToolsCommandAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: livetools").contains("tools ").contains("--version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("livetools " + VersionProvider.version() + " (Java ");
        assertThat(VersionProvider.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void helpListsEveryCommandByName() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out()).containsSubsequence("chat ", "demo ", "emulator ", "tools ");
    }

    @Test
    void noCommandIsAUsageErrorOnStderrWithExitTwo() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Missing command").contains("Usage: livetools");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("fly");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'fly'");
    }

    @Test
    void everyRegisteredSubcommandRuns() {
        CliRun run = CliRun.greet("greet", "--name", "Ada");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("hello Ada" + System.lineSeparator());
    }

    @Test
    void aCliExceptionFromAnyCommandPrintsItsMessageAndExitsTwo() {
        CliRun run = CliRun.greet("greet", "--name", "");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("livetools greet: --name must not be empty" + System.lineSeparator());
    }

    @Test
    void anUnexpectedExceptionExitsOneWithItsStackTrace() {
        CliRun run = CliRun.greet("greet", "--name", "crash");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("livetools greet: unexpected error: java.lang.IllegalStateException: boom")
                .contains("at dev.livetools.cli.GreetCommand");
    }
}
