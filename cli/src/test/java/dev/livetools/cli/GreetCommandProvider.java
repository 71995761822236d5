package dev.livetools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A provider registered in the test META-INF/services, as the testkit registers {@code emulator} and {@code demo}. */
public final class GreetCommandProvider implements CliCommandProvider {

    @Command(name = "greet", mixinStandardHelpOptions = true, description = "Say hello (test command).")
    static final class Greet implements Callable<Integer> {
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

    @Override
    public Object command() {
        return new Greet();
    }
}
