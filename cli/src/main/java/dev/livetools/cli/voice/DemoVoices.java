package dev.livetools.cli.voice;

import dev.livetools.audio.PcmConverter;
import dev.livetools.audio.WavFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * Voices for the voice demo: espeak-ng when it is installed (a different voice for the user and the model), else
 * hummed syllables (a tone with a syllable-rate envelope, as long as the words would take to say), so the demo runs
 * on any machine. Returns 16-bit mono PCM at the rate asked for.
 */
final class DemoVoices {

    private final boolean espeak;

    DemoVoices() {
        this.espeak = espeakWorks();
    }

    /** What the voices are, for the demo's header. */
    String describe() {
        return espeak ? "voices by espeak-ng" : "hummed voices (install espeak-ng for words)";
    }

    byte[] user(String text) {
        return speak(text, "en-us", 16_000, 220);
    }

    byte[] model(String text) {
        return speak(text, "en-gb+f3", 24_000, 330);
    }

    private byte[] speak(String text, String voice, int rate, int hz) {
        if (espeak) {
            try {
                byte[] wav = run("espeak-ng", "-v", voice, "-s", "175", "--stdout", text);
                WavFile f = WavFile.parse(wav, "espeak-ng output");
                return PcmConverter.convertAll(f.format(), f.data(), rate);
            } catch (IOException | RuntimeException e) {
                // fall through to humming
            }
        }
        return hum(text, rate, hz);
    }

    /** About 65 ms a character (speech at ~15 characters a second), in 4 Hz syllables. */
    static byte[] hum(String text, int rate, int hz) {
        int samples = (int) ((long) rate * Math.min(8_000, 300 + 65L * text.length()) / 1000);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            double envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * 4 * t);
            short s = (short) (6000 * envelope * Math.sin(2 * Math.PI * hz * t));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }

    private static boolean espeakWorks() {
        try {
            return run("espeak-ng", "--version").length > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(command[0] + " failed");
            }
            return out.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
