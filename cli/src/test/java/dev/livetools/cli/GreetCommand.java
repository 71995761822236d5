package dev.livetools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A test command that succeeds, fails with a {@link CliException}, or crashes, to show how the CLI maps each. */
@Command(name = "greet", mixinStandardHelpOptions = true, description = "Say hello (test command).")
final class GreetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--name", required = true)
    String name;

    @Override
    public Integer call() {
        if (name.isEmpty()) {
            throw new CliException("--name must not be empty");
        }
        if (name.equals("crash")) {
            throw new IllegalStateException("boom");
        }
        spec.commandLine().getOut().println("hello " + name);
        return 0;
    }
}
