package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package named {@code internal} in the libraries says in its package-info that it is not API, so a user who
 * lands on one of its public types (public only for use across LiveTools' own packages) reads that first.
 */
class InternalPackagesTest {

    /** The repository root: surefire runs each module's tests in the module's folder. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyInternalPackageHasAPackageInfoSayingItIsNotApi() throws IOException {
        List<Path> internals = internalPackages();
        assertThat(internals).as("internal packages found under %s", ROOT).isNotEmpty();
        for (Path dir : internals) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("%s needs a package-info.java marking it internal", ROOT.relativize(dir)).exists();
            assertThat(Files.readString(info, StandardCharsets.UTF_8))
                    .as(ROOT.relativize(info).toString())
                    .contains("Internal, not API");
        }
    }

    @Test
    void theToolsSdkHasNoInternalPackage() throws IOException {
        assertThat(internalPackages()).noneMatch(dir -> ROOT.relativize(dir).startsWith("tools-sdk"));
    }

    private static List<Path> internalPackages() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
            List<Path> found = new java.util.ArrayList<>();
            for (Path source : sources) {
                try (Stream<Path> dirs = Files.walk(source)) {
                    dirs.filter(Files::isDirectory)
                            .filter(d -> d.getFileName().toString().equals("internal"))
                            .forEach(d -> {
                                // A package with only sub-packages (dev.livetools.internal) has nothing to mark.
                                if (hasJavaFiles(d)) {
                                    found.add(d);
                                }
                                subPackagesOf(d).forEach(found::add);
                            });
                }
            }
            return found.stream().distinct().sorted().toList();
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> subPackagesOf(Path dir) {
        try (Stream<Path> dirs = Files.walk(dir)) {
            return dirs.filter(d -> !d.equals(dir) && Files.isDirectory(d) && hasJavaFiles(d)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
