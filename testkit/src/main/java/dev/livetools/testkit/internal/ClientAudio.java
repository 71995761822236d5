package dev.livetools.testkit.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's audio as the Live API takes it: 16-bit signed little-endian mono PCM at the rate the MIME type declares,
 * natively 16 kHz ({@code audio/pcm;rate=16000}); the service resamples other declared rates (live-protocol.md §5).
 */
final class ClientAudio {

    static final int DEFAULT_RATE = 16_000;
    private static final Pattern RATE = Pattern.compile("rate=(\\d{3,6})");

    private ClientAudio() {
    }

    /** The declared sample rate of {@code mimeType}, 16 kHz when none is declared. */
    static int rate(String mimeType) {
        Matcher m = RATE.matcher(mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT));
        return m.find() ? Integer.parseInt(m.group(1)) : DEFAULT_RATE;
    }

    /** How long {@code bytes} of PCM16 mono last at the declared rate. */
    static long nanos(long bytes, String mimeType) {
        return bytes / 2 * 1_000_000_000L / rate(mimeType);
    }
}
