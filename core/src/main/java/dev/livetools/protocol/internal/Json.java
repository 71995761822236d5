package dev.livetools.protocol.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.ProtocolException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one Jackson configuration of the codec: parse to trees, write compact for clients, pretty like the service. */
public final class Json {

    // Trees keep a BigDecimal as given: stripping trailing zeros turns 30 into 3E+1 on the wire.
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A frame is one JSON value: text after it ({@code {...}{...}}, or a valid frame followed by junk) is malformed,
     * never silently dropped, since a second message in it would be a lost call (found by ServerFrameFuzzTest).
     */
    private static final ObjectReader FRAME = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter SERVICE_STYLE = MAPPER.writer(servicePrinter());

    private Json() {
    }

    /** The service pretty-prints: 2-space indent, {@code ": "}, arrays one element per line, {@code {}} when empty. */
    private static DefaultPrettyPrinter servicePrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
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

    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** A value that writes itself (see {@code ToolResponseFrames}), compact. */
    public static String compactValue(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String serviceStyle(JsonNode node) {
        try {
            return SERVICE_STYLE.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
