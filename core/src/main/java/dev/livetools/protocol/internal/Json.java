package dev.livetools.protocol.internal;

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


/**
 * The one Jackson configuration of the codec: trees, compact writing for clients, pretty writing like the service.
 * Reading frames (which can fail with a {@code ProtocolException}) is {@code dev.livetools.protocol.JsonFrames}'s job, so
 * this package depends on nothing of {@code dev.livetools.protocol} and the two packages stay one-way.
 */
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
