package dev.livetools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application embedding LiveTools without configuring any logging sees nothing on stderr from Hibernate
 * Validator's start-up (its "HV000001" version banner), and one that asks for the banner's logger at INFO still gets
 * it. Each case is a fresh JVM: the banner is printed once per JVM, on first use.
 */
@Timeout(60)
class ValidatorBannerTest {

    public static final class Thermostat {
        @LiveTool(description = "Set the temperature")
        public String set(@Min(5) @Max(30) int degrees) {
            return "ok";
        }
    }

    /** The embedding program: builds a dispatcher, which starts the shared validator. */
    public static final class Embedding {
        public static void main(String[] args) {
            if (args.length > 0) {
                // Strong reference for the JVM's lifetime: java.util.logging holds loggers weakly.
                APPLICATION_LEVEL.add(Logger.getLogger("org.hibernate.validator.internal.util.Version"));
                APPLICATION_LEVEL.get(0).setLevel(Level.parse(args[0]));
            }
            try (ToolDispatcher dispatcher = ToolDispatcher.builder(
                    ToolCatalog.builder().addClasses(Thermostat.class).build()).build()) {
                System.out.println("dispatcher ready: " + dispatcher.catalog().names());
            }
        }

        private static final List<Logger> APPLICATION_LEVEL = new ArrayList<>();
    }

    @Test
    void startingTheValidatorPrintsNoVersionBanner(@TempDir Path dir) throws Exception {
        Run run = embedding(dir);

        assertThat(run.out).contains("dispatcher ready: [set]");
        assertThat(run.err).doesNotContain("HV000001").doesNotContain("Hibernate Validator");
    }

    @Test
    void anApplicationThatSetsTheBannerLoggerToInfoStillSeesIt(@TempDir Path dir) throws Exception {
        Run run = embedding(dir, "INFO");

        assertThat(run.out).contains("dispatcher ready: [set]");
        assertThat(run.err).contains("HV000001");
    }

    private record Run(String out, String err) {
    }

    private static Run embedding(Path dir, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Embedding.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(process.waitFor(45, TimeUnit.SECONDS)).as("embedding program finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(process.exitValue()).as(run.out + run.err).isZero();
        return run;
    }
}
