package dev.livetools.protocol;

import java.util.Base64;
import java.util.Objects;

/**
 * Inline media ({@code inlineData}, {@code realtimeInput.audio/video}): a MIME type and base64 data. The data stays
 * base64 as it travels so relaying a chunk costs no re-encoding; {@link #bytes()} decodes on demand.
 */
public record Blob(String mimeType, String data) {

    /** What the service expects for microphone audio: 16-bit signed little-endian mono PCM at 16 kHz. */
    public static final String PCM_16KHZ = "audio/pcm;rate=16000";
    public static final String JPEG = "image/jpeg";

    public Blob {
        Objects.requireNonNull(data, "data");
    }

    public static Blob of(String mimeType, byte[] bytes) {
        return new Blob(mimeType, Base64.getEncoder().encodeToString(Objects.requireNonNull(bytes, "bytes")));
    }

    /** The decoded bytes. */
    public byte[] bytes() {
        return Base64.getMimeDecoder().decode(data);
    }

    @Override
    public String toString() {
        // Audio chunks are tens of kilobytes; a log line needs the size, not the payload.
        return "Blob[mimeType=" + mimeType + ", base64Length=" + data.length() + "]";
    }
}
