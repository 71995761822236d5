package dev.livetools.cli.skeleton;

import dev.livetools.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code livetools new plugin DIR}: a plugin project to copy and build. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a project from a skeleton.",
        subcommands = NewCommand.Plugin.class)
public final class NewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing what to create (plugin)");
    }

    /** {@code livetools new plugin DIR}. */
    @Command(name = "plugin", mixinStandardHelpOptions = true,
            description = {"Create a Maven project for a plugin jar: a tool class, its emulator test, and a pom.xml "
                    + "against the LiveTools BOM (tools-sdk provided, -parameters, shaded jar).",
                    "Build it with 'mvn package' after installing LiveTools locally ('./mvnw install -DskipTests' "
                            + "in the LiveTools folder)."})
    static final class Plugin implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The new project's folder (must not exist, or be empty).")
        Path dir;

        @Option(names = "--package", paramLabel = "PACKAGE", defaultValue = "com.example.tools",
                description = "The Java package of the tools. Default: ${DEFAULT-VALUE}.")
        String packageName;

        @Option(names = "--class", paramLabel = "NAME", defaultValue = "ExampleTools",
                description = "The tool class's name. Default: ${DEFAULT-VALUE}.")
        String className;

        @Option(names = "--group-id", paramLabel = "ID", defaultValue = "com.example",
                description = "The Maven groupId. Default: ${DEFAULT-VALUE}.")
        String groupId;

        @Option(names = "--artifact-id", paramLabel = "ID",
                description = "The Maven artifactId. Default: the folder's name.")
        String artifactId;

        @Override
        public Integer call() throws IOException {
            String artifact = artifactId != null ? artifactId : dir.toAbsolutePath().normalize().getFileName()
                    .toString();
            PluginSkeleton skeleton;
            List<Path> files;
            try {
                skeleton = new PluginSkeleton(groupId, artifact, packageName, className);
                files = skeleton.writeTo(dir);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("created plugin project " + dir + " (LiveTools " + PluginSkeleton.livetoolsVersion() + "):");
            files.forEach(f -> out.println("  " + f));
            out.println("next: cd " + dir + " && mvn package, then copy target/" + artifact
                    + "-0.1.0-SNAPSHOT.jar into a plugins folder (see README.md there)");
            out.flush();
            return 0;
        }
    }
}
