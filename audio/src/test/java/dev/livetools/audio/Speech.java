package dev.livetools.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real speech for the tests, generated with espeak-ng (installed by .ci/run; a CI run without it fails). */
final class Speech {

    private Speech() {
    }

    /** {@code text} spoken by espeak-ng into {@code file} (22050 Hz mono 16-bit, as espeak-ng writes it). */
    static Path say(String text, Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "170", "-w", file.toString(), text)
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                fail("espeak-ng is not installed; .ci/run installs it", e);
            }
            assumeTrue(false, "espeak-ng is not installed");
            throw e;
        }
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("espeak-ng failed: " + new String(p.getInputStream().readAllBytes()));
        }
        if (!Files.exists(file) || Files.size(file) < 1000) {
            fail("espeak-ng wrote no audio to " + file);
        }
        return file;
    }
}
