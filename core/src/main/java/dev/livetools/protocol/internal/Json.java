package dev.livetools.protocol.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        try {
            return check(MAPPER.readTree(utf8));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return check(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
    }

    public static JsonNode parse(byte[] utf8, int offset, int length) {
        try {
            return check(MAPPER.readTree(utf8, offset, length));
        } catch (JsonProcessingException e) {
            throw notJson(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try {
            return MAPPER.createParser(utf8, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
