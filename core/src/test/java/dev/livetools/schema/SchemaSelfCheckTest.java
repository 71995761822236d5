package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.protocol.Schema;
import dev.livetools.protocol.Schema.Type;
import dev.livetools.protocol.SchemaRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generator checks its own output against the service's rules, so a refused setup is a discovery error. */
class SchemaSelfCheckTest {

    @Test
    void aSchemaTheServiceWouldRefuseFailsNamingTheParameterAndTheRule() {
        assertThatThrownBy(() -> SchemaGenerator.requireAccepted("id", Schema.of(Type.STRING).withFormat("uuid")))
                .isInstanceOf(UnsupportedTypeException.class)
                .hasMessage("parameter 'id': its schema breaks the Gemini API's rules, which would refuse the"
                        + " session's setup: format: only 'enum' and 'date-time' are supported for STRING type");
    }

    @Test
    void aNestedBreakNamesItsPathInsideTheParameter() {
        Schema booking = Schema.of(Type.OBJECT).withProperties(
                Map.of("level", Schema.of(Type.INTEGER).withEnumValues(List.of("1"))), null, null);

        assertThatThrownBy(() -> SchemaGenerator.requireAccepted("booking", booking))
                .hasMessageEndingWith("setup: properties[level].enum: only allowed for STRING type");
    }

    @Test
    void anAcceptedSchemaPassesUnchanged() {
        Schema s = Schema.of(Type.STRING).withFormat("date-time");

        assertThat(SchemaGenerator.requireAccepted("at", s)).isSameAs(s);
    }

    static List<Class<?>> scalarTypes() {
        return ScalarTypes.types().stream().sorted(java.util.Comparator.comparing(Class::getTypeName)).toList();
    }

    @ParameterizedTest
    @MethodSource("scalarTypes")
    void everyScalarTypeUsesOnlyFormatsTheServiceAccepts(Class<?> type) {
        Schema s = new SchemaGenerator().schemaFor(type);

        assertThat(SchemaRules.check(s)).as(type.getTypeName()).isEmpty();
        if (s.format() != null) {
            assertThat(SchemaRules.formatsFor(s.type().name())).as(type.getTypeName()).contains(s.format());
        }
    }
}
