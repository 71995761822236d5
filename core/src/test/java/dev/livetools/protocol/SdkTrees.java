package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Compares our JSON with the official SDK's re-serialisation of it. The SDK's {@code fromJson} silently drops
 * fields it does not know, so only a tree comparison shows a misspelt or unsupported field.
 */
public final class SdkTrees {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SdkTrees() {
    }

    /**
     * Numbers compare by value as the SDK holds them: whole numbers exactly (bounds become doubles, 1 is 1.0; counts
     * stay longs), fractions at float precision (the SDK keeps some as floats: 0.7 comes back as 0.699999988).
     */
    public static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), normalise(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(n -> out.add(normalise(n)));
            return out;
        }
        if (node.isNumber()) {
            BigDecimal value = new BigDecimal(node.asText());
            if (value.stripTrailingZeros().scale() <= 0) {
                return MAPPER.getNodeFactory().numberNode(value.stripTrailingZeros());
            }
            return MAPPER.getNodeFactory().numberNode((float) node.doubleValue());
        }
        return node;
    }
}
