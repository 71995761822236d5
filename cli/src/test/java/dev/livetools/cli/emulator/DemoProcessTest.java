package dev.livetools.cli.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.cli.LiveToolsCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user runs it: a separate JVM entering through {@code main}, so the exit status and everything the
 * process writes to its streams (including library start-up logging) are what a terminal would show.
 */
@Timeout(90)
class DemoProcessTest {

    @Test
    void theDemoProcessExitsZeroAndWritesNothingButTheConversation(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LiveToolsCli.class.getName(), "demo"))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(80, TimeUnit.SECONDS)).as("demo finished").isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).as(read(out) + read(err)).isZero();
        assertThat(read(out)).contains("scenario 'home automation' PASSED");
        assertThat(read(err)).as("stderr").isEmpty();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
