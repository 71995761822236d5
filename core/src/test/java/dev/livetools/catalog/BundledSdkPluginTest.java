package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.sdk.LiveTool;
import dev.livetools.testsupport.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar that bundles its own copy of tools-sdk (a compile-scope dependency shaded in by mistake) still has
 * its tools found and run: its class loader asks the host first for {@code dev.livetools.sdk.*}, so the copy inside
 * the jar is never loaded and the annotations the host reads are its own.
 */
class BundledSdkPluginTest {

    private static final String TOOLS = """
            package acme.bundled;
            import dev.livetools.sdk.LiveTool;
            public class EchoTools {
                @LiveTool(description = "Echo the text")
                public String echo(String text) {
                    return text;
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void aBundledCopyOfTheSdkDoesNotHideThePluginsTools() throws Exception {
        Path classes = Compiler.compile(tmp.resolve("classes"), true, Map.of("acme.bundled.EchoTools", TOOLS));
        copySdkClassesInto(classes);
        Path jar = Compiler.jar(classes, Files.createDirectories(tmp.resolve("plugins")).resolve("echo.jar"));
        assertThat(entryExists(jar, "dev/livetools/sdk/LiveTool.class")).as("the jar carries its own sdk").isTrue();

        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(tmp.resolve("plugins")).build()) {
            assertThat(catalog.names()).containsExactly("echo");
            assertThat(catalog.declarations().get(0).description()).isEqualTo("Echo the text");
        }
    }

    /** The tools-sdk classes the host runs with, from its jar or classes folder, added to the plugin's classes. */
    private static void copySdkClassesInto(Path classes) throws IOException, URISyntaxException {
        Path source = Path.of(LiveTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(source)) {
            copyTree(source.resolve("dev/livetools/sdk"), classes.resolve("dev/livetools/sdk"));
        } else {
            try (FileSystem zip = FileSystems.newFileSystem(source)) {
                copyTree(zip.getPath("/dev/livetools/sdk"), classes.resolve("dev/livetools/sdk"));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                try (InputStream in = Files.newInputStream(f)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static boolean entryExists(Path jar, String entry) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            return Files.exists(zip.getPath(entry));
        }
    }
}
