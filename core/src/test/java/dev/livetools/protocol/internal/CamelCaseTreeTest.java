package dev.livetools.protocol.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CamelCaseTreeTest {

    private static JsonNode normalize(String json) throws Exception {
        return CamelCaseTree.normalize(Json.MAPPER.readTree(json));
    }

    @Test
    void messageFieldsBecomeLowerCamelCase() throws Exception {
        assertThat(normalize("{\"tool_response\":{\"function_responses\":[{\"will_continue\":true}]}}"))
                .isEqualTo(normalize("{\"toolResponse\":{\"functionResponses\":[{\"willContinue\":true}]}}"));
    }

    @Test
    void valuesComeThroughUnchangedUnderTheRenamedFields() throws Exception {
        // Against the tree as written, not another normalised one: a normaliser that lost values would agree with
        // itself.
        assertThat(normalize("{\"turn_complete\":true,\"token_count\":3,\"model_turn\":{\"parts\":[{\"text\":\"hi\"},"
                + "{\"inline_data\":{\"mime_type\":\"audio/pcm\",\"data\":\"AAA=\"}}]}}"))
                .isEqualTo(Json.MAPPER.readTree("{\"turnComplete\":true,\"tokenCount\":3,\"modelTurn\":{\"parts\":"
                        + "[{\"text\":\"hi\"},{\"inlineData\":{\"mimeType\":\"audio/pcm\",\"data\":\"AAA=\"}}]}}"));
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
    void snakeCaseIsTheProtoErrorPathSpelling() {
        assertThat(CamelCaseTree.snakeCase("functionDeclarations")).isEqualTo("function_declarations");
        assertThat(CamelCaseTree.camelCase("function_declarations")).isEqualTo("functionDeclarations");
    }
}
