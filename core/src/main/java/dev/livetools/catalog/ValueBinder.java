package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Binds the JSON the model sent for one argument to its Java type, reporting problems as violations instead of
 * throwing. Chosen once per parameter when the dispatcher is built.
 */
interface ValueBinder {

    /** Returned when the value could not be bound; the violation has been recorded. */
    Object FAILED = new Object();

    /**
     * @param node the argument's JSON; never {@code null} or a JSON null (the caller handles absent values)
     * @param parameter the Java parameter index, for the violation
     * @param path the argument's name, the start of every violation path
     * @return the bound value, or {@link #FAILED}
     */
    Object bind(JsonNode node, int parameter, String path, Violations out);
}
