package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.catalog.ToolParameter;
import dev.livetools.golden.Golden;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.SchemaRules;
import dev.livetools.protocol.Setup;
import dev.livetools.testsupport.Compiler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar using every scalar type of docs/writing-tools.md, records, a POJO, enums and constraints
 * ({@code src/test/resources/plugins/EveryTypeTools.java}): what the host would send the service must pass the
 * service's rules, field by field, on the wire.
 */
class EveryTypePluginTest {

    private static final Path SOURCE = Path.of("src", "test", "resources", "plugins", "EveryTypeTools.java");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private ToolCatalog catalog;

    @BeforeEach
    void loadThePlugin() throws Exception {
        Path jar = Compiler.pluginJar(tmp.resolve("work"), tmp.resolve("every-type.jar"),
                Map.of("acme.everytype.EveryTypeTools", Files.readString(SOURCE)));
        catalog = ToolCatalog.builder().addPluginJar(jar).build();
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private String wire() {
        return new LiveCodec().encode(Setup.builder("models/gemini-3.8-live")
                .functionDeclarations(catalog.declarations()).build());
    }

    @Test
    void everyDeclarationPassesTheServicesRules() {
        assertThat(catalog.declarations()).hasSize(5);
        for (FunctionDeclaration d : catalog.declarations()) {
            assertThat(SchemaRules.check(d)).as(d.name()).isEmpty();
        }
    }

    @Test
    void theWireFormUsesOnlyAllowedFieldsFormatsAndStringEnums() throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode d : MAPPER.readTree(wire()).at("/setup/tools/0/functionDeclarations")) {
            walk(d.path("parameters"), d.path("name").asText() + ".parameters", problems);
        }
        assertThat(problems).isEmpty();
    }

    private static void walk(JsonNode schema, String path, List<String> problems) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SchemaRules.FIELDS.contains(field)) {
                problems.add(path + ": field " + field);
            }
        }
        String type = schema.path("type").asText();
        if (schema.has("format") && !SchemaRules.formatsFor(type).contains(schema.get("format").asText())) {
            problems.add(path + ": format " + schema.get("format") + " on " + type);
        }
        if (schema.has("enum")) {
            if (!type.equals("STRING")) {
                problems.add(path + ": enum on " + type);
            }
            schema.get("enum").forEach(v -> {
                if (!v.isTextual()) {
                    problems.add(path + ": enum member " + v);
                }
            });
        }
        if (schema.has("items")) {
            walk(schema.get("items"), path + ".items", problems);
        }
        schema.path("properties").fields().forEachRemaining(e ->
                walk(e.getValue(), path + ".properties[" + e.getKey() + "]", problems));
    }

    @Test
    void boundsAreWrittenAsPlainNumbers() {
        String wire = wire();
        Matcher exponent = Pattern.compile("\"(minimum|maximum)\":[^,}]*[eE]").matcher(wire);

        assertThat(exponent.find()).as("a bound written with an exponent").isFalse();
        assertThat(wire).contains("\"minimum\":5,\"maximum\":30")  // @Min(5) @Max(30) double
                .contains("\"minimum\":0.5,\"maximum\":100")         // @DecimalMax("1e2")
                .contains("\"maximum\":2.5");                        // @DecimalMax("2.50")
    }

    @Test
    void theFixtureCoversEveryScalarTypeTheGeneratorKnows() {
        Set<String> used = new HashSet<>();
        for (String name : catalog.names()) {
            for (ToolParameter p : catalog.descriptor(name).orElseThrow().arguments()) {
                collect(p.type(), used);
            }
        }
        for (Class<?> scalar : ScalarTypes.types()) {
            assertThat(used).as("a parameter of type " + scalar.getTypeName()).contains(scalar.getTypeName());
        }
    }

    private static void collect(Type t, Set<String> out) {
        if (t instanceof ParameterizedType pt) {
            collect(pt.getRawType(), out);
            for (Type a : pt.getActualTypeArguments()) {
                collect(a, out);
            }
        } else if (t instanceof Class<?> c) {
            out.add(c.getTypeName());
        }
    }

    @Test
    void theDeclarationsMatchTheGoldenFile() throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode declarations = MAPPER.readTree(wire()).at("/setup/tools/0/functionDeclarations");

        Golden.assertMatches("schema/every-type.declarations.json", pretty.writeValueAsString(declarations) + "\n");
    }
}
