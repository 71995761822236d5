package dev.livetools.cli;

/**
 * Contributes a subcommand to the {@code livetools} CLI. Found with {@link java.util.ServiceLoader}, so a module that
 * core cannot depend on (the testkit's {@code emulator} and {@code demo}) can still add commands.
 */
public interface CliCommandProvider {

    /**
     * A new picocli command object (a class annotated with {@code @picocli.CommandLine.Command}).
     *
     * @return the command; its {@code @Command(name)} is the subcommand name
     */
    Object command();
}
