package dev.livetools.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the default capture and playback lines of Java Sound in the first format they accept, preferring the Live
 * API's own (16 kHz in, 24 kHz out) so that no conversion is needed, then the rates sound cards commonly run at. Any
 * failure becomes an {@link AudioDeviceUnavailableException} with a one-line reason: no device, a device in use, or
 * no Java Sound implementation at all.
 */
final class SoundDevices {

    private static final int[] COMMON_RATES = {48_000, 44_100, 32_000, 24_000, 22_050, 16_000, 96_000, 8_000};

    private SoundDevices() {
    }

    /** An opened line and the format it runs in. */
    record Opened<L extends DataLine>(L line, PcmFormat format) {
    }

    static Opened<javax.sound.sampled.TargetDataLine> openCapture(int preferredRate, int bufferBytesAt16k) {
        return open(javax.sound.sampled.TargetDataLine.class, "microphone", preferredRate, bufferBytesAt16k);
    }

    static Opened<javax.sound.sampled.SourceDataLine> openPlayback(int preferredRate, int bufferBytesAtRate) {
        return open(javax.sound.sampled.SourceDataLine.class, "speaker", preferredRate, bufferBytesAtRate);
    }

    private static <L extends DataLine> Opened<L> open(Class<L> type, String what, int preferredRate,
                                                       int bufferBytesAtPreferred) {
        List<PcmFormat> candidates = candidates(preferredRate);
        Exception last = null;
        try {
            if (AudioSystem.getMixerInfo().length == 0) {
                throw new AudioDeviceUnavailableException("no " + what + ": this machine has no sound device", null);
            }
            for (PcmFormat f : candidates) {
                AudioFormat af = new AudioFormat(f.sampleRate(), 16, f.channels(), true, f.bigEndian());
                DataLine.Info info = new DataLine.Info(type, af);
                if (!AudioSystem.isLineSupported(info)) {
                    continue;
                }
                try {
                    Line line = AudioSystem.getLine(info);
                    L typed = type.cast(line);
                    long scaled = (long) bufferBytesAtPreferred * f.sampleRate() / preferredRate * f.channels();
                    int buffer = (int) Math.max(f.frameSize() * 64L, scaled - scaled % f.frameSize());
                    if (typed instanceof javax.sound.sampled.TargetDataLine t) {
                        t.open(af, buffer);
                    } else if (typed instanceof javax.sound.sampled.SourceDataLine s) {
                        s.open(af, buffer);
                    }
                    return new Opened<>(typed, f);
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    last = e;
                }
            }
        } catch (AudioDeviceUnavailableException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // A JRE without Java Sound's native part, or a broken ALSA setup, fails here rather than in open().
            throw new AudioDeviceUnavailableException("no " + what + ": Java Sound is not usable here ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (last != null) {
            throw new AudioDeviceUnavailableException("no " + what + ": the default device could not be opened ("
                    + oneLine(last.getMessage()) + ")", last);
        }
        throw new AudioDeviceUnavailableException("no " + what + ": no sound device takes 16-bit PCM at any of "
                + java.util.Arrays.toString(COMMON_RATES) + " Hz", null);
    }

    private static List<PcmFormat> candidates(int preferredRate) {
        List<PcmFormat> out = new ArrayList<>();
        out.add(PcmFormat.mono16(preferredRate));
        for (int rate : COMMON_RATES) {
            for (int channels = 1; channels <= 2; channels++) {
                for (boolean bigEndian : new boolean[]{false, true}) {
                    PcmFormat f = new PcmFormat(rate, channels, 16, PcmFormat.Encoding.SIGNED, bigEndian);
                    if (!out.contains(f)) {
                        out.add(f);
                    }
                }
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "no reason given" : s.replaceAll("\\s+", " ").strip();
    }
}
