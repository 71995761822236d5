package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every way a client can get itself closed, with the code and reason the service uses. */
@Timeout(10)
class SetupRejectionTest {

    private LiveEmulator emulator;

    @BeforeEach
    void start() {
        emulator = LiveEmulator.builder().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestClient.Closed closeAfter(String... messages) throws Exception {
        TestClient client = TestClient.connect(emulator.url());
        for (String message : messages) {
            client.send(message);
        }
        return client.awaitClose();
    }

    private static String setupWithFunction(String declaration) {
        return "{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"tools\":[{\"functionDeclarations\":["
                + declaration + "]}]}}";
    }

    private String fullReason() {
        return emulator.frames().stream().filter(f -> f.kind() == RecordedFrame.Kind.CLOSE).findFirst()
                .orElseThrow().payload();
    }

    @Test
    void unknownModelIsClosedWith1008AndTheServiceWordingCutTo123Bytes() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{\"model\":\"models/gemini-live-2.5-flash-preview-na\"}}");

        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).startsWith("models/gemini-live-2.5-flash-preview-na is not found for API version"
                + " v1beta, or is not supported for bidiGenerateContent.");
        assertThat(closed.reason().getBytes(StandardCharsets.UTF_8)).hasSize(123);
        assertThat(fullReason()).endsWith("their supported methods.");
    }

    @Test
    void unknownModelErrorNamesTheApiVersionOfThePath() throws Exception {
        TestClient client = TestClient.connect(emulator.url("v1alpha"));
        client.send("{\"setup\":{\"model\":\"models/nope\"}}");

        assertThat(client.awaitClose().reason()).contains("API version v1alpha");
    }

    @Test
    void missingModelIsAnInvalidArgument() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{}}");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("Request contains an invalid argument.");
    }

    @Test
    void invalidFunctionNameIsClosedWith1007NamingTheDeclaration() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"9lives\"}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).startsWith("tools[0].function_declarations[0].name: [FIELD_INVALID] Invalid"
                + " function name \"9lives\"");
    }

    @Test
    void functionNameLongerThan64IsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"" + "a".repeat(65) + "\"}"));

        assertThat(closed.code()).isEqualTo(1007);
    }

    @Test
    void functionNameWithColonsAndDotsIsAccepted() throws Exception {
        TestClient client = TestClient.connect(emulator.url());
        client.send(setupWithFunction("{\"name\":\"home.lights:set-level\"}"));

        assertThat(client.expect("setupComplete")).isNotNull();
    }

    @Test
    void duplicateFunctionNamesAreRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"a\"},{\"name\":\"a\"}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("Duplicate function declaration found: a");
    }

    @Test
    void schemaFieldOutsideTheSubsetIsAnUnknownName() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"x\":{\"type\":\"STRING\"}},\"additionalProperties\":false}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).startsWith("Invalid JSON payload received. Unknown name \"additionalProperties\""
                + " at 'setup.tools[0].function_declarations[0].parameters'");
    }

    @Test
    void jsonSchemaKeywordIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"$schema\":"
                + "\"http://json-schema.org/draft-07/schema#\",\"type\":\"OBJECT\"}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("Unknown name \"$schema\"");
    }

    @Test
    void unknownSchemaTypeIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"when\":{\"type\":\"DATETIME\"}}}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("parameters.properties[when].type").contains("DATETIME");
    }

    @Test
    void enumOnANonStringTypeIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"level\":{\"type\":\"INTEGER\",\"enum\":[\"1\",\"2\"]}}}}"));

        assertThat(closed.reason()).isEqualTo("tools[0].function_declarations[0].parameters.properties[level].enum:"
                + " only allowed for STRING type");
    }

    @Test
    void stringFormatUuidIsClosedWith1007InTheServicesWords() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"id\":{\"type\":\"STRING\",\"format\":\"uuid\"}}}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(fullReason()).isEqualTo("tools[0].function_declarations[0].parameters.properties[id].format:"
                + " only 'enum' and 'date-time' are supported for STRING type");
    }

    @Test
    void integerAndNumberFormatsOutsideTheClosedListAreRejected() throws Exception {
        assertThat(closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"n\":{\"type\":\"INTEGER\",\"format\":\"uint32\"}}}}")).code()).isEqualTo(1007);
        assertThat(fullReason()).endsWith("properties[n].format: only 'int32' and 'int64' are supported for INTEGER"
                + " type");
    }

    @Test
    void aNestedFormatInArrayItemsIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"days\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\",\"format\":\"date\"}}}}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(fullReason()).startsWith("tools[0].function_declarations[0].parameters.properties[days].items"
                + ".format: only 'enum'");
    }

    @Test
    void everyFormatOnTheClosedListIsAccepted() throws Exception {
        TestClient client = TestClient.connect(emulator.url());
        client.send(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\",\"properties\":{"
                + "\"a\":{\"type\":\"STRING\",\"format\":\"enum\",\"enum\":[\"x\"]},"
                + "\"b\":{\"type\":\"STRING\",\"format\":\"date-time\"},"
                + "\"c\":{\"type\":\"INTEGER\",\"format\":\"int32\"},\"d\":{\"type\":\"INTEGER\",\"format\":\"int64\"},"
                + "\"e\":{\"type\":\"NUMBER\",\"format\":\"float\"},\"g\":{\"type\":\"NUMBER\",\"format\":\"double\"}}}}"));

        assertThat(client.expect("setupComplete")).isNotNull();
    }

    @Test
    void aNumericEnumMemberIsRejectedNamingItsIndex() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"level\":{\"type\":\"STRING\",\"enum\":[\"1\",2]}}}}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).isEqualTo("Invalid value at 'setup.tools[0].function_declarations[0].parameters"
                + ".properties[level].enum[1]' (TYPE_STRING), 2");
    }

    @Test
    void arrayWithoutItemsIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"tags\":{\"type\":\"ARRAY\"}}}}"));

        assertThat(closed.reason()).isEqualTo("tools[0].function_declarations[0].parameters.properties[tags].items:"
                + " missing field.");
    }

    @Test
    void requiredPropertyThatIsNotDefinedIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"a\":{\"type\":\"STRING\"}},\"required\":[\"b\"]}}"));

        assertThat(closed.reason()).isEqualTo("tools[0].function_declarations[0].parameters.required[0]: property"
                + " is not defined");
    }

    @Test
    void unknownBehaviorIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(setupWithFunction("{\"name\":\"f\",\"behavior\":\"ASYNC\"}"));

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("behavior").contains("ASYNC");
    }

    @Test
    void twoResponseModalitiesAreRejected() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"generationConfig\":"
                + "{\"responseModalities\":[\"TEXT\",\"AUDIO\"]}}}");

        assertThat(closed.code()).isEqualTo(1007);
    }

    @Test
    void generationConfigFieldLiveDoesNotSupportIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"generationConfig\":"
                + "{\"responseMimeType\":\"application/json\"}}}");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("response_mime_type");
    }

    @Test
    void unknownSetupFieldIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"voice\":\"Kore\"}}");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("Unknown name \"voice\" at 'setup'");
    }

    @Test
    void secondSetupIsClosedWith1007() throws Exception {
        TestClient client = TestClient.connect(emulator.url());
        client.send(TestClient.SETUP);
        client.expect("setupComplete");
        client.send(TestClient.SETUP);

        TestClient.Closed closed = client.awaitClose();
        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).isEqualTo("Request contains an invalid argument.");
    }

    @Test
    void malformedJsonIsClosedWith1007() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\": {");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).startsWith("Invalid JSON payload received.");
    }

    @Test
    void malformedJsonAfterSetupIsClosedWith1007() throws Exception {
        TestClient.Closed closed = closeAfter(TestClient.SETUP, "not json");

        assertThat(closed.code()).isEqualTo(1007);
    }

    @Test
    void aMessageBeforeTheSetupIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter("{\"realtimeInput\":{\"text\":\"hi\"}}");

        assertThat(closed.code()).isEqualTo(1007);
    }

    @Test
    void unknownTopLevelFieldIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(TestClient.SETUP, "{\"toolResult\":{}}");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("Unknown name \"toolResult\"");
    }

    @Test
    void twoMessageKindsInOneFrameAreRejected() throws Exception {
        TestClient.Closed closed = closeAfter(TestClient.SETUP,
                "{\"realtimeInput\":{\"text\":\"hi\"},\"clientContent\":{\"turnComplete\":true}}");

        assertThat(closed.code()).isEqualTo(1007);
    }

    @Test
    void functionResponseThatIsNotAnObjectIsRejected() throws Exception {
        TestClient.Closed closed = closeAfter(TestClient.SETUP, "{\"toolResponse\":{\"functionResponses\":[{\"id\":"
                + "\"c1\",\"name\":\"f\",\"response\":\"ok\"}]}}");

        assertThat(closed.code()).isEqualTo(1007);
        assertThat(closed.reason()).contains("google.protobuf.Struct");
    }

    @Test
    void staleResumptionHandleIsClosedWith1008SessionNotFound() throws Exception {
        TestClient.Closed closed = closeAfter("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"sessionResumption\":"
                + "{\"handle\":\"never-issued\"}}}");

        assertThat(closed.code()).isEqualTo(1008);
        assertThat(closed.reason()).isEqualTo("BidiGenerateContent session not found");
    }
}
