package dev.livetools.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.internal.JsonMatch;
import dev.livetools.testkit.internal.WireJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one {@code functionResponses[i]} must satisfy. Build with {@link #forId(String)} and the {@code with...}
 * methods; every condition left {@code null} is not checked. LiveTools answers results as {@code {"output": v}} and
 * errors as {@code {"error": {"type": T, "message": M}}}, which is what {@code output...} and {@code errorType}
 * read.
 *
 * @param id               the call id answered (required)
 * @param name             the function name the response must carry
 * @param output           {@code response.output} must equal this (numbers compare by value)
 * @param outputContains   {@code response.output} must contain this: a substring for text, a subset for objects
 * @param errorType        {@code response.error.type} must equal this
 * @param responseContains the whole {@code response} object must contain this subset
 * @param willContinue     {@code true}: only an intermediate response ({@code willContinue: true}) matches;
 *                         {@code false}: only a final one; {@code null}: the first response for the id
 */
public record ResponseCheck(String id, String name, JsonNode output, JsonNode outputContains, String errorType,
                            JsonNode responseContains, Boolean willContinue) {

    public ResponseCheck {
        Objects.requireNonNull(id, "ResponseCheck.id");
    }

    /** A check that only requires a response for {@code id}. */
    public static ResponseCheck forId(String id) {
        return new ResponseCheck(id, null, null, null, null, null, null);
    }

    public ResponseCheck withName(String v) {
        return new ResponseCheck(id, v, output, outputContains, errorType, responseContains, willContinue);
    }

    public ResponseCheck withOutput(Object v) {
        return new ResponseCheck(id, name, toJson(v), outputContains, errorType, responseContains, willContinue);
    }

    public ResponseCheck withOutputContaining(Object v) {
        return new ResponseCheck(id, name, output, toJson(v), errorType, responseContains, willContinue);
    }

    public ResponseCheck withErrorType(String v) {
        return new ResponseCheck(id, name, output, outputContains, v, responseContains, willContinue);
    }

    public ResponseCheck withResponseContaining(Object v) {
        return new ResponseCheck(id, name, output, outputContains, errorType, toJson(v), willContinue);
    }

    public ResponseCheck withWillContinue(Boolean v) {
        return new ResponseCheck(id, name, output, outputContains, errorType, responseContains, v);
    }

    /** Whether {@code functionResponse} is the one this check waits for (same id, right continuation state). */
    public boolean selects(JsonNode functionResponse) {
        if (!id.equals(functionResponse.path("id").asText(null))) {
            return false;
        }
        boolean continues = functionResponse.path("willContinue").asBoolean(false);
        return willContinue == null || willContinue == continues;
    }

    /** The violated conditions, empty when {@code functionResponse} satisfies the check. */
    public List<String> violations(JsonNode functionResponse) {
        List<String> problems = new ArrayList<>();
        JsonNode response = functionResponse.path("response");
        if (name != null && !name.equals(functionResponse.path("name").asText(null))) {
            problems.add("name is " + functionResponse.path("name") + ", expected \"" + name + "\"");
        }
        if (!response.isObject()) {
            problems.add("response is not a JSON object: " + response);
            return problems;
        }
        if (output != null && !JsonMatch.sameValue(response.path("output"), output)) {
            problems.add("output is " + describe(response.path("output")) + ", expected " + describe(output));
        }
        if (outputContains != null && !JsonMatch.contains(response.path("output"), outputContains)) {
            problems.add("output " + describe(response.path("output")) + " does not contain "
                    + describe(outputContains));
        }
        if (errorType != null && !errorType.equals(response.path("error").path("type").asText(null))) {
            problems.add("error type is " + describe(response.path("error").path("type")) + ", expected \""
                    + errorType + "\" (response " + describe(response) + ")");
        }
        if (responseContains != null && !JsonMatch.contains(response, responseContains)) {
            problems.add("response " + describe(response) + " does not contain " + describe(responseContains));
        }
        return problems;
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : WireJson.compact(node);
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        return WireJson.MAPPER.valueToTree(value);
    }

    /** The check as scenario-file JSON. */
    public ObjectNode toJson() {
        ObjectNode out = WireJson.object().put("id", id);
        if (name != null) {
            out.put("name", name);
        }
        if (output != null) {
            out.set("output", output);
        }
        if (outputContains != null) {
            out.set("outputContains", outputContains);
        }
        if (errorType != null) {
            out.put("errorType", errorType);
        }
        if (responseContains != null) {
            out.set("responseContains", responseContains);
        }
        if (willContinue != null) {
            out.put("willContinue", willContinue);
        }
        return out;
    }
}
