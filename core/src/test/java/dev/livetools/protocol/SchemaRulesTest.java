package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.Schema.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The service's schema rules, written down once: what they accept, what they refuse, and in which words. */
class SchemaRulesTest {

    @ParameterizedTest
    @CsvSource({"STRING,enum", "STRING,date-time", "INTEGER,int32", "INTEGER,int64", "NUMBER,float",
            "NUMBER,double", "string,date-time", "integer,int64"})
    void theClosedListOfFormatsIsAccepted(String type, String format) {
        assertThat(SchemaRules.formatError(type, format)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"uuid", "uri", "email", "date", "duration", "byte", "binary", "time", "int32"})
    void anyOtherStringFormatIsRefusedInTheServicesWords(String format) {
        assertThat(SchemaRules.formatError("STRING", format))
                .isEqualTo("only 'enum' and 'date-time' are supported for STRING type");
    }

    @Test
    void integerAndNumberFormatsAreClosedListsToo() {
        assertThat(SchemaRules.formatError("INTEGER", "uint32"))
                .isEqualTo("only 'int32' and 'int64' are supported for INTEGER type");
        assertThat(SchemaRules.formatError("NUMBER", "int32"))
                .isEqualTo("only 'float' and 'double' are supported for NUMBER type");
    }

    @Test
    void typesWithoutFormatsRefuseEveryFormat() {
        assertThat(SchemaRules.formatError("BOOLEAN", "enum")).isEqualTo("no format is supported for BOOLEAN type");
        assertThat(SchemaRules.formatsFor("OBJECT")).isEmpty();
    }

    @Test
    void anAbsentOrEmptyFormatIsTheProtoDefaultAndAlwaysAccepted() {
        assertThat(SchemaRules.formatError("BOOLEAN", null)).isNull();
        assertThat(SchemaRules.formatError("ARRAY", "")).isNull();
    }

    @Test
    void enumIsAllowedOnStringOnly() {
        assertThat(SchemaRules.allowsEnum("STRING")).isTrue();
        assertThat(SchemaRules.allowsEnum("string")).isTrue();
        assertThat(SchemaRules.allowsEnum("INTEGER")).isFalse();
        assertThat(SchemaRules.allowsEnum("NUMBER")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"setLight", "_private", "thermostat.schedule", "home:lights", "a-b", "x"})
    void functionNamesWithLettersDigitsUnderscoresDotsColonsAndDashesAreValid(String name) {
        assertThat(SchemaRules.functionNameError(name)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9lives", "-dash", ".dot", "has space", "emoji\u2600", ""})
    void functionNamesBreakingTheRuleAreRefusedWithTheServicesText(String name) {
        assertThat(SchemaRules.functionNameError(name)).startsWith("[FIELD_INVALID] Invalid function name \"" + name
                + "\". Must start with a letter or an underscore.");
    }

    @Test
    void functionNamesAreAtMost64Characters() {
        assertThat(SchemaRules.isValidFunctionName("a".repeat(64))).isTrue();
        assertThat(SchemaRules.isValidFunctionName("a".repeat(65))).isFalse();
        assertThat(SchemaRules.isValidFunctionName(null)).isFalse();
    }

    @Test
    void theFunctionDeclarationRecordUsesTheSameNameRule() {
        assertThat(new FunctionDeclaration("home:lights", null, null, null).name()).isEqualTo("home:lights");
    }

    @Test
    void checkNamesEveryBrokenRuleWithItsPath() {
        Schema parameters = Schema.of(Type.OBJECT).withProperties(Map.of(
                "id", Schema.of(Type.STRING).withFormat("uuid"),
                "level", Schema.of(Type.INTEGER).withEnumValues(List.of("1", "2")),
                "tags", Schema.of(Type.ARRAY)), List.of("id", "missing"), null);

        assertThat(SchemaRules.check(parameters)).extracting(Object::toString).containsExactlyInAnyOrder(
                "properties[id].format: only 'enum' and 'date-time' are supported for STRING type",
                "properties[level].enum: only allowed for STRING type",
                "properties[tags].items: missing field.",
                "required[1]: property is not defined");
    }

    @Test
    void checkLooksInsideArrayItems() {
        Schema list = Schema.of(Type.ARRAY).withItems(Schema.of(Type.NUMBER).withFormat("decimal"));

        assertThat(SchemaRules.check(list)).extracting(Object::toString)
                .containsExactly("items.format: only 'float' and 'double' are supported for NUMBER type");
    }

    @Test
    void checkOfADeclarationPrefixesParameters() {
        FunctionDeclaration d = new FunctionDeclaration("when", null, null, Schema.of(Type.OBJECT).withProperties(
                Map.of("day", Schema.of(Type.STRING).withFormat("date")), null, null));

        assertThat(SchemaRules.check(d)).extracting(Object::toString).containsExactly(
                "parameters.properties[day].format: only 'enum' and 'date-time' are supported for STRING type");
    }

    @Test
    void aSchemaWithinTheRulesHasNoViolations() {
        Schema ok = Schema.of(Type.OBJECT).withProperties(Map.of(
                "mode", Schema.of(Type.STRING).withFormat("enum").withEnumValues(List.of("HEAT", "COOL")),
                "at", Schema.of(Type.STRING).withFormat("date-time"),
                "n", Schema.of(Type.INTEGER).withFormat("int64"),
                "xs", Schema.of(Type.ARRAY).withItems(Schema.of(Type.NUMBER).withFormat("float"))),
                List.of("mode"), null);

        assertThat(SchemaRules.check(ok)).isEmpty();
    }

    @Test
    void everyFieldOfOurSchemaRecordIsAFieldTheServiceAccepts() {
        for (var component : Schema.class.getRecordComponents()) {
            String wire = component.getName().equals("enumValues") ? "enum" : component.getName();
            assertThat(SchemaRules.FIELDS).as(wire).contains(wire);
        }
    }

    @Test
    void boundsArePlainNumbersNeverExponents() {
        Schema s = Schema.of(Type.NUMBER).withRange(new java.math.BigDecimal("3E+1"), new java.math.BigDecimal("2.50"));

        assertThat(s.minimum().toString()).isEqualTo("30");
        assertThat(s.maximum().toString()).isEqualTo("2.5");
        assertThat(new LiveCodec().encode(Setup.builder("models/m").functionDeclarations(List.of(
                new FunctionDeclaration("f", null, null, Schema.of(Type.OBJECT).withProperties(
                        Map.of("x", Schema.of(Type.INTEGER).withRange(java.math.BigDecimal.valueOf(100), null)),
                        null, null)))).build()))
                .contains("\"minimum\":100").doesNotContain("E+");
    }
}
