package dev.livetools.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Setup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code livetools tools}: the exact {@code setup} message a session would send for the tools found, so an author
 * sees what the model is told before connecting.
 */
@Command(name = "tools", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the setup message declaring the tools found, as JSON.",
                "Tools come from plugin folders (--plugins) and classpath packages (--scan); with neither, the whole "
                        + "classpath is scanned."})
final class ToolsCommand implements Callable<Integer> {

    static final String DEFAULT_MODEL = "gemini-3.8-live";

    private static final ObjectWriter PRETTY = new ObjectMapper().writer(printer());

    @Spec
    CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin jars, each loaded in its own class loader. Repeatable.")
    List<Path> pluginFolders = new ArrayList<>();

    @Option(names = "--scan", paramLabel = "PACKAGE",
            description = "A package (with sub-packages) of the classpath to scan for @LiveTool classes. Repeatable.")
    List<String> packages = new ArrayList<>();

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = DEFAULT_MODEL,
            description = "Model id (models/ is added) or full resource name. Default: ${DEFAULT-VALUE}.")
    String model;

    @Override
    public Integer call() throws JsonProcessingException {
        String modelName = modelName(model);
        Setup setup;
        int count;
        List<String> searched;
        try (ToolCatalog catalog = catalog()) {
            count = catalog.tools().size();
            searched = catalog.searched();
            setup = Setup.builder(modelName).functionDeclarations(catalog.declarations()).build();
        }
        spec.commandLine().getOut().println(PRETTY.writeValueAsString(new LiveCodec().toJson(setup)));
        spec.commandLine().getOut().flush();
        if (count == 0) {
            spec.commandLine().getErr().println(noToolsFound(searched));
        }
        return 0;
    }

    private ToolCatalog catalog() {
        ToolCatalog.Builder builder = ToolCatalog.builder();
        pluginFolders.forEach(builder::addPluginFolder);
        if (!packages.isEmpty() || pluginFolders.isEmpty()) {
            builder.scanClasspath(packages.toArray(String[]::new));
        }
        return builder.build();
    }

    /** What was searched, and why nothing was found there. */
    private String noToolsFound(List<String> searched) {
        StringBuilder sb = new StringBuilder("livetools tools: no tools found");
        for (String s : searched) {
            sb.append(System.lineSeparator()).append("  - ").append(s);
        }
        if (pluginFolders.isEmpty() && packages.isEmpty()) {
            sb.append(System.lineSeparator()).append("add --plugins DIR or --scan PACKAGE");
        }
        return sb.toString();
    }

    /** {@code gemini-3.8-live} becomes {@code models/gemini-3.8-live}; a name with a slash is kept as written. */
    static String modelName(String model) {
        if (model == null || model.isBlank()) {
            throw new CliException("--model must not be empty, e.g. --model " + DEFAULT_MODEL);
        }
        return model.contains("/") ? model : "models/" + model;
    }

    /** Two-space indentation and {@code "key": value}, the way the service itself pretty-prints. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
