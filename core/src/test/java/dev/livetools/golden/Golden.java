package dev.livetools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code core/src/test/resources/golden}: the expected output, byte for byte. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them after an intended change, then review the diff.
 */
public final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** Asserts that {@code actual} equals the golden file {@code name}, or rewrites it when updating. */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (run with -Dgolden.update=true to create it)", file).exists();
            assertThat(actual).as("output differs from golden file %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
