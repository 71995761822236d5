package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A piece of transcript. Vertex sends an empty one ({@code {}}) first, so {@code text} may be {@code null};
 * {@code finished} marks the last piece of an utterance when the server says so. Word timings, speaker labels and
 * other fields stay in {@code extra}.
 */
public record Transcription(String text, Boolean finished, String languageCode, Map<String, JsonNode> extra) {

    public Transcription {
        extra = Extra.copy(extra);
    }

    public static Transcription of(String text) {
        return new Transcription(text, null, null, null);
    }

    public String textOrEmpty() {
        return text == null ? "" : text;
    }

    public boolean isFinished() {
        return Boolean.TRUE.equals(finished);
    }
}
