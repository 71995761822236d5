package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.ToolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivateSceneTest {

    private final HomeTools tools = new TestHome().tools;

    @Test
    void movieNightSetsEveryDeviceOfTheSceneAndReadsThemBack() {
        Map<String, Object> result = tools.activateScene("movie night");

        assertThat(result).containsEntry("scene", "movie night");
        assertThat(devices(result)).extracting(d -> d.get("name")).containsExactly("living room ceiling light",
                "floor lamp", "living room blinds", "kitchen ceiling light", "kitchen counter light");
        assertThat(devices(result).get(1)).containsEntry("on", true).containsEntry("brightness", 20)
                .containsEntry("color", "orange");
        assertThat(devices(result).get(2)).containsEntry("state", "closed");
        assertThat(result.get("summary")).asString().startsWith("Movie night is set: living room ceiling light off; "
                + "floor lamp on at 20%, orange; living room blinds closed");
    }

    @Test
    void theSceneChangesWhatHomeStatusReports() {
        tools.activateScene("good night");

        assertThat(tools.homeStatus().get("summary")).asString()
                .startsWith("1 of 7 lights on: bedside lamp on at 10%, 2200 K.")
                .contains("living room thermostat set to 17 °C");
    }

    @Test
    void sceneNamesAreForgiving() {
        for (String name : List.of("Movie Night", "movie", "movie night scene", "cinema mode", "goodnight", "bedtime",
                "good mornin")) {
            assertThat(tools.activateScene(name).get("scene")).as(name).isIn("movie night", "good night", "good morning");
        }
    }

    @Test
    void anUnknownSceneListsTheScenes() {
        assertThatThrownBy(() -> tools.activateScene("party"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "No scene called 'party'. Scenes: movie night, dinner, good morning, good night.");
                    assertThat(e.details()).containsEntry("validScenes",
                            List.of("movie night", "dinner", "good morning", "good night"));
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> devices(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("devices");
    }
}
