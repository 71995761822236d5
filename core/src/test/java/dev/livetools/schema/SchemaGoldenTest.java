package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.livetools.catalog.ToolCatalog;
import dev.livetools.golden.Golden;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.sdk.ToolContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaGoldenTest {

    public enum Mode { HEAT, COOL, AUTO }

    public record Slot(@Param(description = "Local start time") LocalTime start,
                       @Param(description = "Length of the slot") Duration length,
                       @Min(5) @Max(30) double celsius) {
    }

    public record Schedule(@NotBlank String zone, @Size(min = 1, max = 12) List<Slot> slots, Optional<LocalDate> from) {
    }

    public static final class HomeTools {
        @LiveTool(description = "Switch a light and set its brightness", timeout = "2s")
        public String setLight(@Param(description = "Room name") @NotBlank String room,
                               @Min(0) @Max(100) int brightness,
                               boolean on) {
            return room;
        }

        @LiveTool(name = "thermostat.schedule", description = "Replace the heating schedule of a zone",
                behavior = Behavior.NON_BLOCKING)
        public void schedule(Schedule schedule, Mode mode, ToolContext context,
                             @Param(required = false, description = "Labels per slot id") Map<String, List<String>> labels) {
        }

        @LiveTool(description = "List every device")
        public static List<UUID> devices() {
            return List.of();
        }
    }

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static String declarationsJson() throws Exception {
        try (ToolCatalog catalog = ToolCatalog.builder().addClasses(HomeTools.class).build()) {
            return PRETTY.writeValueAsString(catalog.declarations()) + "\n";
        }
    }

    @Test
    void declarationsMatchTheGoldenFile() throws Exception {
        Golden.assertMatches("schema/home-tools.declarations.json", declarationsJson());
    }

    @Test
    void buildingTheSameToolsTwiceGivesByteIdenticalJson() throws Exception {
        assertThat(declarationsJson()).isEqualTo(declarationsJson());
    }
}
