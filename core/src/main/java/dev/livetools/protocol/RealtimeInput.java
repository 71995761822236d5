package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Client message {@code realtimeInput}. The service expects exactly one field per message; the factories build such
 * messages. {@code mediaChunks} is the deprecated (still accepted) v1alpha form, decoded so old clients can be
 * served; new code sends {@code audio} or {@code video}.
 */
public record RealtimeInput(Blob audio, Blob video, String text, boolean activityStart, boolean activityEnd,
                            boolean audioStreamEnd, List<Blob> mediaChunks, Map<String, JsonNode> extra)
        implements ClientMessage {

    public RealtimeInput {
        mediaChunks = mediaChunks == null ? null : List.copyOf(mediaChunks);
        extra = Extra.copy(extra);
    }

    /** A chunk of microphone audio: 16-bit signed little-endian mono PCM at 16 kHz. */
    public static RealtimeInput audio(byte[] pcm16kHz) {
        return audio(Blob.of(Blob.PCM_16KHZ, pcm16kHz));
    }

    public static RealtimeInput audio(Blob audio) {
        if (audio.mimeType() == null || !audio.mimeType().startsWith("audio/")) {
            throw new IllegalArgumentException("realtimeInput.audio needs an audio/* MIME type, got " + audio.mimeType());
        }
        return new RealtimeInput(audio, null, null, false, false, false, null, null);
    }

    /** One JPEG video frame (the service takes about one frame per second). */
    public static RealtimeInput jpegFrame(byte[] jpeg) {
        return video(Blob.of(Blob.JPEG, jpeg));
    }

    public static RealtimeInput video(Blob video) {
        if (video.mimeType() == null || !video.mimeType().startsWith("image/")) {
            throw new IllegalArgumentException("realtimeInput.video needs an image/* MIME type, got " + video.mimeType());
        }
        return new RealtimeInput(null, video, null, false, false, false, null, null);
    }

    public static RealtimeInput text(String text) {
        return new RealtimeInput(null, null, Objects.requireNonNull(text, "text"), false, false, false, null, null);
    }

    /** Start of user activity; only valid when automatic activity detection is disabled in setup. */
    public static RealtimeInput startOfActivity() {
        return new RealtimeInput(null, null, null, true, false, false, null, null);
    }

    public static RealtimeInput endOfActivity() {
        return new RealtimeInput(null, null, null, false, true, false, null, null);
    }

    /** The microphone was closed; only meaningful with automatic activity detection. */
    public static RealtimeInput endOfAudioStream() {
        return new RealtimeInput(null, null, null, false, false, true, null, null);
    }

    @Override
    public String kind() {
        return "realtimeInput";
    }
}
