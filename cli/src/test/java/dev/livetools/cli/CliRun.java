package dev.livetools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** One run of the CLI through picocli, with what it wrote to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return run(LiveToolsCli.commandLine(), args);
    }

    /** A run of a command line whose only subcommand is {@link GreetCommand}. */
    static CliRun greet(String... args) {
        return run(LiveToolsCli.commandLine(List.of(new GreetCommand())), args);
    }

    private static CliRun run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
