package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only regular {@code *.jar} files directly in a plugin folder are plugins; everything else there is left alone. */
class PluginFolderFilteringTest {

    private static String tool(String pkg, String name) {
        return "package " + pkg + ";\npublic class T { @dev.livetools.sdk.LiveTool public static String " + name
                + "() { return \"" + name + "\"; } }\n";
    }

    @TempDir
    Path tmp;

    @Test
    void filesThatAreNotJarsDirectoriesAndNestedJarsAreNotLoaded() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Compiler.pluginJar(tmp.resolve("w1"), plugins.resolve("kept.jar"), Map.of("a.T", tool("a", "kept")));
        Path other = Compiler.pluginJar(tmp.resolve("w2"), tmp.resolve("other.jar"), Map.of("b.T", tool("b", "zipped")));
        Files.copy(other, plugins.resolve("other.jar.bak"));
        Files.copy(other, plugins.resolve("other.zip"));
        Files.writeString(plugins.resolve("README.txt"), "notes");
        Files.createDirectories(plugins.resolve("folder.jar"));
        Path nested = Files.createDirectories(plugins.resolve("nested"));
        Compiler.pluginJar(tmp.resolve("w3"), nested.resolve("deeper.jar"), Map.of("c.T", tool("c", "deeper")));

        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins).build()) {
            assertThat(catalog.names()).containsExactly("kept");
        }
    }
}
