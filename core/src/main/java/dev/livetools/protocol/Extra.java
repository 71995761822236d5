package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of the {@code extra} maps that carry fields the model does not know. */
final class Extra {

    private Extra() {
    }

    public static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        extra.forEach((k, v) -> copy.put(java.util.Objects.requireNonNull(k, "extra key"),
                java.util.Objects.requireNonNull(v, "extra value for " + k).deepCopy()));
        return Collections.unmodifiableMap(copy);
    }
}
