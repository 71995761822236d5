package dev.livetools.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CamelCaseTest {

    private static JsonNode normalize(String json) throws Exception {
        return CamelCase.normalize(WireJson.MAPPER.readTree(json));
    }

    @Test
    void messageFieldsBecomeLowerCamelCase() throws Exception {
        assertThat(normalize("{\"tool_response\":{\"function_responses\":[{\"will_continue\":true}]}}"))
                .isEqualTo(normalize("{\"toolResponse\":{\"functionResponses\":[{\"willContinue\":true}]}}"));
    }

    @Test
    void structValuesKeepTheirKeys() throws Exception {
        JsonNode message = normalize("{\"tool_response\":{\"function_responses\":[{\"response\":"
                + "{\"output\":{\"room_name\":\"hall\"}}}]}}");

        assertThat(message.at("/toolResponse/functionResponses/0/response/output/room_name").asText())
                .isEqualTo("hall");
    }

    @Test
    void schemaPropertyNamesKeepTheirSpellingButTheirSchemasAreNormalised() throws Exception {
        JsonNode schema = normalize("{\"properties\":{\"target_temp\":{\"type\":\"NUMBER\","
                + "\"property_ordering\":[]}}}");

        assertThat(schema.path("properties").has("target_temp")).isTrue();
        assertThat(schema.at("/properties/target_temp").has("propertyOrdering")).isTrue();
    }

    @Test
    void convertsBothWays() {
        assertThat(CamelCase.toCamel("function_declarations")).isEqualTo("functionDeclarations");
        assertThat(CamelCase.toSnake("functionDeclarations")).isEqualTo("function_declarations");
        assertThat(CamelCase.toCamel("already")).isEqualTo("already");
    }
}
