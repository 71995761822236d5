package dev.livetools.cli.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.audio.PcmFormat;
import dev.livetools.audio.WavFile;
import dev.livetools.cli.LiveToolsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code livetools demo --voice OUT.wav}: the home conversation spoken both ways, and the WAV a listener heard. */
@Timeout(150)
class VoiceDemoTest {

    @Test
    void theDemoByVoiceRunsEveryToolCallAndWritesBothVoicesToTheWav(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("heard.wav");
        StringWriter out = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute("demo", "--voice", wav.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("user   Turn on the kitchen light at 60 percent")
                .contains("model  -> setLight(name=\"kitchen ceiling light\", on=true, brightness=60)")
                .contains("model  The kitchen ceiling light is on at 60 percent.")
                .contains("tool   <- setLight error in ")
                .contains("model  x  cancels startTimer [function-call-6]")
                .contains("6 tool calls")
                .contains("scenario 'home automation' by voice PASSED");
        WavFile heard = WavFile.read(wav);
        assertThat(heard.format()).isEqualTo(PcmFormat.LIVE_OUTPUT);
        // seven user lines and nine model lines, said in turn: well over 15 s of conversation
        assertThat(heard.duration().toSeconds()).isGreaterThan(15);
        assertThat(loudSeconds(heard)).isGreaterThan(12);
    }

    /** Seconds of the file with sound in them (RMS above -40 dBFS). */
    private static int loudSeconds(WavFile wav) {
        byte[] d = wav.data();
        int perSecond = 24_000 * 2;
        int loud = 0;
        for (int s = 0; s + perSecond <= d.length; s += perSecond) {
            double sum = 0;
            for (int i = s; i < s + perSecond; i += 2) {
                int v = (short) ((d[i + 1] << 8) | (d[i] & 0xff));
                sum += (double) v * v;
            }
            if (Math.sqrt(sum / 24_000) > 328) {
                loud++;
            }
        }
        return loud;
    }
}
