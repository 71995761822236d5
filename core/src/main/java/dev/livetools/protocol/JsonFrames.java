package dev.livetools.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.livetools.protocol.internal.Json;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading frames with the codec's Jackson configuration: a frame that is not one UTF-8 JSON value is malformed. */
final class JsonFrames {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = Json.MAPPER;

    /**
     * A frame is one JSON value: text after it ({@code {...}{...}}, or a valid frame followed by junk) is malformed,
     * never silently dropped, since a second message in it would be a lost call (found by ServerFrameFuzzTest).
     */
    private static final ObjectReader FRAME = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonFrames() {
    }

    public static JsonNode parse(byte[] utf8) {
        return parse(utf8, 0, utf8.length);
    }

    public static JsonNode parse(String json) {
        try {
            return check(FRAME.readTree(json));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    public static JsonNode parse(byte[] utf8, int offset, int length) {
        requireUtf8Start(utf8, offset, length);
        try {
            return check(FRAME.readTree(utf8, offset, length));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            // In-memory input: an IOException here can only be a decoding problem of the bytes themselves.
            throw new ProtocolException("$", "not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A streaming parser over the text, for the fast paths. */
    public static JsonParser parser(String json) {
        try {
            return MAPPER.createParser(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonParser parser(byte[] utf8, int offset, int length) {
        requireUtf8Start(utf8, offset, length);
        try {
            return MAPPER.createParser(utf8, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Live frames are UTF-8 (RFC 8259 8.1 for JSON exchanged between systems). Jackson would guess UTF-16 or UTF-32
     * from a BOM or from NUL bytes at the start, and then accept a binary frame the same text in a text frame fails,
     * or throw a bare {@code CharConversionException}. Neither a NUL byte nor 0xFE/0xFF can start UTF-8 JSON, so such
     * a start is refused here, before Jackson guesses (found by ServerFrameFuzzTest).
     */
    private static void requireUtf8Start(byte[] bytes, int offset, int length) {
        int first = length > 0 ? bytes[offset] & 0xFF : -1;
        if (first == 0xFE || first == 0xFF) {
            throw new ProtocolException("$", "not valid JSON: the frame is not UTF-8 (it starts with byte 0x"
                    + Integer.toHexString(first).toUpperCase(java.util.Locale.ROOT) + ")");
        }
        for (int i = offset, end = offset + Math.min(length, 4); i < end; i++) {
            if (bytes[i] == 0) {
                throw new ProtocolException("$", "not valid JSON: the frame is not UTF-8 (a NUL byte at offset "
                        + (i - offset) + ")");
            }
        }
    }

    private static JsonNode check(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new ProtocolException("$", "empty frame");
        }
        return node;
    }

    private static ProtocolException notJson(JsonProcessingException e) {
        // The original message carries the position, never the frame's content (it may hold user data or audio).
        var loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        return new ProtocolException("$", "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
}
