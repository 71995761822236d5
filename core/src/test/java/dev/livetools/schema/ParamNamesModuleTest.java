package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.sdk.Param;
import org.junit.jupiter.api.Test;

class ParamNamesModuleTest {

    public record Light(@Param(name = "room_name") String room, int level) {
    }

    public static final class Blind {
        @Param(name = "open_percent")
        public int openPercent;
        public String room;
    }

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ParamNamesModule());
    private final SchemaGenerator generator = new SchemaGenerator();

    @Test
    void aRecordBindsFromTheNamesItsSchemaDeclares() throws Exception {
        assertThat(generator.schemaFor(Light.class).propertyOrdering()).containsExactly("room_name", "level");
        assertThat(mapper.readValue("{\"room_name\":\"hall\",\"level\":3}", Light.class))
                .isEqualTo(new Light("hall", 3));
    }

    @Test
    void aClassFieldBindsFromTheNameItsSchemaDeclares() throws Exception {
        assertThat(generator.schemaFor(Blind.class).propertyOrdering()).containsExactly("open_percent", "room");
        Blind blind = mapper.readValue("{\"open_percent\":40,\"room\":\"hall\"}", Blind.class);
        assertThat(blind.openPercent).isEqualTo(40);
        assertThat(blind.room).isEqualTo("hall");
    }

    @Test
    void valuesAreWrittenBackUnderTheSameNames() throws Exception {
        assertThat(mapper.writeValueAsString(new Light("hall", 3))).isEqualTo("{\"room_name\":\"hall\",\"level\":3}");
    }

    @Test
    void aClassFieldIsWrittenBackUnderItsDeclaredName() throws Exception {
        Blind blind = new Blind();
        blind.openPercent = 40;
        blind.room = "hall";
        assertThat(mapper.readTree(mapper.writeValueAsString(blind)))
                .isEqualTo(mapper.readTree("{\"open_percent\":40,\"room\":\"hall\"}"));
    }
}
