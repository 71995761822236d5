package dev.livetools.cli;

import dev.livetools.catalog.ToolDiscoveryException;
import dev.livetools.chat.ChatCommand;
import dev.livetools.cli.emulator.DemoCommand;
import dev.livetools.cli.emulator.EmulatorCommand;
import dev.livetools.cli.skeleton.NewCommand;
import dev.livetools.cli.voice.VoiceCommand;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code livetools} command line. Every subcommand lives in this module and is registered here: the libraries
 * ({@code core}, {@code testkit}) know nothing of picocli.
 *
 * <p>Exit status: 0 on success, 2 for usage and configuration errors (message on stderr), 1 for anything unexpected.
 */
@Command(name = "livetools", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A Java tool host for the Gemini Live API.",
        footer = {"", "Run 'livetools COMMAND --help' for a command's options."})
public final class LiveToolsCli implements Runnable {

    /** Usage or configuration error. */
    public static final int EXIT_USAGE = 2;
    /** An unexpected failure (a bug): the stack trace goes to stderr. */
    public static final int EXIT_FAILURE = 1;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(commandLine().execute(args));
    }

    /**
     * A terminal program's output is the conversation: library start-up chatter (Hibernate Validator announces its
     * version through JBoss Logging, which falls back to java.util.logging on stderr) would interleave with it. Route
     * JBoss Logging through SLF4J and show warnings and errors only, unless the user set these properties.
     */
    static void quietLibraryLogging() {
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * The configured command line: every subcommand registered, errors mapped to exit codes. Set its out and err
     * writers to capture output.
     */
    public static CommandLine commandLine() {
        return commandLine(List.of(new ChatCommand(), new DemoCommand(), new EmulatorCommand(), new NewCommand(),
                new ToolsCommand(), new VoiceCommand()));
    }

    /** The command line with these picocli command objects as its subcommands, listed by name in --help. */
    static CommandLine commandLine(List<Object> commands) {
        CommandLine cli = new CommandLine(new LiveToolsCli());
        commands.stream().map(CommandLine::new).sorted(Comparator.comparing(CommandLine::getCommandName))
                .forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler(LiveToolsCli::handle);
        return cli;
    }

    /** Without a subcommand there is nothing to do: show what there is, as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String who = command.getCommandSpec().qualifiedName();
        if (e instanceof CliException || e instanceof ToolDiscoveryException) {
            command.getErr().println(who + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        command.getErr().println(who + ": unexpected error: " + e);
        e.printStackTrace(command.getErr());
        return EXIT_FAILURE;
    }
}
