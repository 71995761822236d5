package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated home with a state file, through the tools, across restarts. */
class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void stateSurvivesARestart() {
        Path state = dir.resolve("state.json");
        try (HomeTools before = new HomeTools(HomeConfig.simulated(null, state))) {
            before.activateScene("movie night");
            before.setThermostat(22.5, "living room", null);
            before.setCover("bedroom", dev.livetools.samples.home.CoverAction.OPEN, null);
        }

        try (HomeTools after = new HomeTools(HomeConfig.simulated(null, state))) {
            String summary = (String) after.homeStatus().get("summary");
            assertThat(summary).startsWith("1 of 7 lights on: floor lamp on at 20%, orange.")
                    .contains("Living room blinds closed").contains("living room thermostat set to 22.5 °C")
                    .contains("bedroom blinds open");
        }
    }

    @Test
    void withoutAStateFileARestartStartsFromTheDescription() {
        try (HomeTools before = new HomeTools(HomeConfig.simulated(null, null))) {
            before.setLight("all", false, null, null, null);
        }
        try (HomeTools after = new HomeTools(HomeConfig.simulated(null, null))) {
            assertThat(after.homeStatus().get("summary")).asString().startsWith("2 of 7 lights on");
        }
    }

    @Test
    void everyChangeIsOnDiskBeforeTheToolAnswersAndNoTemporaryFileRemains() throws Exception {
        Path state = dir.resolve("state.json");
        try (HomeTools tools = new HomeTools(HomeConfig.simulated(null, state))) {
            tools.setLight("floor lamp", null, 33, null, null);

            assertThat(Files.readString(state)).contains("\"floor_lamp\"").contains("\"brightness\" : 33");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("state.json");
            }
        }
    }

    @Test
    void aCorruptStateFileFailsAtStartNamingTheFile() throws Exception {
        Path state = dir.resolve("state.json");
        Files.writeString(state, "{\"version\": 1, \"devices\": {");

        assertThatThrownBy(() -> new HomeTools(HomeConfig.simulated(null, state)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("home state file " + state + " is not valid JSON")
                .hasMessageEndingWith("fix or delete it to start from the home description");
    }

    @Test
    void savedStateThatNoLongerFitsTheDescriptionIsDroppedForThatDeviceOnly() throws Exception {
        Path state = dir.resolve("state.json");
        Files.writeString(state, """
                {"version": 1, "devices": {
                  "hallway_light": {"reported": true, "on": true, "brightness": 40},
                  "floor_lamp": {"reported": true, "on": true, "brightness": 10, "color": "#ff0000"},
                  "removed_device": {"reported": true, "on": true}}}
                """);

        try (HomeTools tools = new HomeTools(HomeConfig.simulated(null, state))) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lights = (List<Map<String, Object>>) tools.homeStatus().get("lights");
            assertThat(lights).filteredOn(l -> l.get("name").equals("hallway light")).singleElement()
                    .satisfies(l -> assertThat(l).containsEntry("on", false));
            assertThat(lights).filteredOn(l -> l.get("name").equals("floor lamp")).singleElement()
                    .satisfies(l -> assertThat(l).containsEntry("brightness", 10).containsEntry("color", "red"));
        }
    }
}
