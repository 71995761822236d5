package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.LiveClientMessage;
import com.google.genai.types.Schema;
import dev.livetools.protocol.SdkTrees;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The setup message printed by {@code livetools tools} against the official {@code com.google.genai} types. Their
 * {@code fromJson} silently drops unknown fields, so each test writes the parsed value back with the SDK and compares
 * JSON trees: a misspelt or unsupported field shows up as a difference.
 */
class SetupConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> EMITTED_SCHEMA_FIELDS = Set.of("type", "format", "description", "nullable",
            "enum", "properties", "required", "propertyOrdering", "items", "minItems", "maxItems", "minimum",
            "maximum", "minLength", "maxLength", "pattern", "minProperties", "maxProperties");

    private static String setupJson;
    private static JsonNode setup;

    @BeforeAll
    static void printSetup() throws Exception {
        CliRun run = CliRun.of("tools", "--scan", "dev.livetools.cli.conformancefixture");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        setupJson = run.out();
        setup = MAPPER.readTree(setupJson);
    }

    @Test
    void theFixtureUsesEverySchemaFieldWeEmitSoTheComparisonCoversThemAll() {
        Set<String> used = new TreeSet<>();
        for (JsonNode declaration : setup.at("/setup/tools/0/functionDeclarations")) {
            collectSchemaKeys(declaration.path("parameters"), used);
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(EMITTED_SCHEMA_FIELDS);
    }

    @Test
    void theWholeSetupMessageSurvivesTheSdksLiveClientMessage() throws Exception {
        String sdk = LiveClientMessage.fromJson(setupJson).toJson();
        assertThat(SdkTrees.normalise(MAPPER.readTree(sdk))).isEqualTo(SdkTrees.normalise(setup));
    }

    @Test
    void everyDeclarationSurvivesTheSdksFunctionDeclaration() throws Exception {
        for (JsonNode declaration : setup.at("/setup/tools/0/functionDeclarations")) {
            String sdk = FunctionDeclaration.fromJson(declaration.toString()).toJson();
            assertThat(SdkTrees.normalise(MAPPER.readTree(sdk))).as(declaration.get("name").asText())
                    .isEqualTo(SdkTrees.normalise(declaration));
        }
    }

    @Test
    void everyParametersSchemaSurvivesTheSdksSchema() throws Exception {
        for (JsonNode declaration : setup.at("/setup/tools/0/functionDeclarations")) {
            JsonNode parameters = declaration.get("parameters");
            String sdk = Schema.fromJson(parameters.toString()).toJson();
            assertThat(SdkTrees.normalise(MAPPER.readTree(sdk))).as(declaration.get("name").asText())
                    .isEqualTo(SdkTrees.normalise(parameters));
        }
    }

    @Test
    void theSdkReadsTheValuesNotJustTheKeys() {
        LiveClientMessage message = LiveClientMessage.fromJson(setupJson);
        FunctionDeclaration bounded = message.setup().orElseThrow().tools().orElseThrow().get(0)
                .functionDeclarations().orElseThrow().stream()
                .filter(d -> d.name().orElseThrow().equals("bounded")).findFirst().orElseThrow();
        Schema month = bounded.parameters().orElseThrow().properties().orElseThrow().get("month");
        assertThat(month.type().orElseThrow().toString()).isEqualTo("INTEGER");
        assertThat(month.minimum()).contains(1.0);
        assertThat(month.maximum()).contains(12.0);
    }

    private static void collectSchemaKeys(JsonNode schema, Set<String> out) {
        if (!schema.isObject()) {
            return;
        }
        schema.fieldNames().forEachRemaining(out::add);
        schema.path("properties").forEach(p -> collectSchemaKeys(p, out));
        collectSchemaKeys(schema.path("items"), out);
    }
}
