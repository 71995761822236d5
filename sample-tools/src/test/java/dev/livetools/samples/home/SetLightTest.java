package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.ToolException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class SetLightTest {

    private final HomeTools tools = new TestHome().tools;

    @Test
    void switchesOneLightOnAndReadsItBack() {
        Map<String, Object> result = tools.setLight("floor lamp", true, null, null, null);

        assertThat(lights(result)).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("name", "floor lamp").containsEntry("room", "living room")
                    .containsEntry("on", true).containsEntry("brightness", 60);
        });
        assertThat(result.get("summary")).asString().startsWith("Floor lamp on at 60%");
    }

    @Test
    void brightnessAboveZeroSwitchesOnAndIsReadBack() {
        Map<String, Object> result = tools.setLight("bedside lamp", null, 35, null, null);

        assertThat(lights(result)).singleElement().satisfies(l ->
                assertThat(l).containsEntry("on", true).containsEntry("brightness", 35));
    }

    @Test
    void brightnessZeroSwitchesOff() {
        Map<String, Object> result = tools.setLight("kitchen ceiling light", null, 0, null, null);

        assertThat(lights(result)).singleElement().satisfies(l -> assertThat(l).containsEntry("on", false));
        assertThat(result.get("summary")).asString().isEqualTo("Kitchen ceiling light off.");
    }

    @Test
    void aRoomNameSetsEveryLightInTheRoom() {
        Map<String, Object> result = tools.setLight("Living Room", false, null, null, null);

        assertThat(lights(result)).extracting(l -> l.get("name"))
                .containsExactly("living room ceiling light", "floor lamp");
        assertThat(lights(result)).allSatisfy(l -> assertThat(l).containsEntry("on", false));
    }

    @Test
    void forgivesCasePluralsAndTheWordLight() {
        for (String name : List.of("KITCHEN", "kitchen lights", "the kitchen light", "Kitchen's lights")) {
            Map<String, Object> result = tools.setLight(name, true, null, null, null);
            assertThat(lights(result)).as(name).extracting(l -> l.get("name"))
                    .containsExactly("kitchen ceiling light", "kitchen counter light");
        }
    }

    @Test
    void aRoomAliasWorks() {
        Map<String, Object> result = tools.setLight("lounge", true, null, null, null);

        assertThat(lights(result)).hasSize(2);
    }

    @Test
    void roomAndKindOfLightPickTheOneDevice() {
        Map<String, Object> result = tools.setLight("bedroom lamp", true, null, null, null);

        assertThat(lights(result)).extracting(l -> l.get("name")).containsExactly("bedside lamp");
    }

    @Test
    void allSwitchesEveryLight() {
        Map<String, Object> result = tools.setLight("all", false, null, null, null);

        assertThat(lights(result)).hasSize(7).allSatisfy(l -> assertThat(l).containsEntry("on", false));
    }

    @Test
    void aNamedColourIsShownByName() {
        Map<String, Object> result = tools.setLight("floor lamp", null, null, null, "Red");

        assertThat(lights(result)).singleElement().satisfies(l ->
                assertThat(l).containsEntry("on", true).containsEntry("color", "red").doesNotContainKey("colorTemperature"));
    }

    @Test
    void aHexColourIsAccepted() {
        Map<String, Object> result = tools.setLight("bedside lamp", null, null, null, "#12AB34");

        assertThat(lights(result)).singleElement().satisfies(l -> assertThat(l).containsEntry("color", "#12ab34"));
    }

    @Test
    void warmWhiteBecomesAColourTemperature() {
        Map<String, Object> result = tools.setLight("living room ceiling light", null, null, null, "warm white");

        assertThat(lights(result)).singleElement().satisfies(l ->
                assertThat(l).containsEntry("colorTemperature", 2700).doesNotContainKey("color"));
    }

    @Test
    void colourTemperatureIsSetWithinTheLightsRange() {
        Map<String, Object> result = tools.setLight("kitchen ceiling", null, 80, 5000, null);

        assertThat(lights(result)).singleElement().satisfies(l ->
                assertThat(l).containsEntry("brightness", 80).containsEntry("colorTemperature", 5000));
    }

    @Test
    void unknownNameListsTheLightsAndRooms() {
        assertThatThrownBy(() -> tools.setLight("garage", true, null, null, null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).contains("No light or room called 'garage'")
                            .contains("floor lamp (living room)").contains("Rooms with lights: living room, kitchen");
                    assertThat(e.details()).containsKeys("validNames", "validRooms");
                });
    }

    @Test
    void aBlindNamedToTheLightToolIsPointedToSetCover() {
        assertThatThrownBy(() -> tools.setLight("living room blinds", true, null, null, null))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("The living room blinds is a cover").hasMessageContaining("use setCover");
    }

    @Test
    void aRoomWithoutLightsSaysWhichRoomsHaveThem() {
        assertThatThrownBy(() -> tools.setLight("garden", true, null, null, null))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("The garden has no lights").hasMessageContaining("hallway");
    }

    @Test
    void anAmbiguousSingularNameListsTheCandidates() {
        assertThatThrownBy(() -> tools.setLight("ceiling light", true, null, null, null))
                .isInstanceOf(ToolException.class)
                .hasMessageContaining("could mean several lights")
                .hasMessageContaining("kitchen ceiling light (kitchen)")
                .hasMessageContaining("bedroom ceiling light (bedroom)");
    }

    @Test
    void aPluralOfTheSameNameMeansAllOfThem() {
        Map<String, Object> result = tools.setLight("ceiling lights", true, null, null, null);

        assertThat(lights(result)).hasSize(3);
    }

    @Test
    void dimmingAnOnOffLightIsRefusedWithWhatItCanDo() {
        assertThatThrownBy(() -> tools.setLight("hallway light", null, 40, null, null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(
                            "The hallway light can only be switched on and off; it has no brightness control.");
                    assertThat(e.details()).containsEntry("can", List.of("on/off"));
                });
    }

    @Test
    void fullBrightnessOnAnOnOffLightJustSwitchesItOn() {
        Map<String, Object> result = tools.setLight("hallway light", null, 100, null, null);

        assertThat(lights(result)).singleElement().satisfies(l -> assertThat(l).containsEntry("on", true));
    }

    @Test
    void colourOnAWhiteOnlyLightIsRefusedNamingItsRange() {
        assertThatThrownBy(() -> tools.setLight("kitchen ceiling light", null, null, null, "blue"))
                .isInstanceOf(ToolException.class)
                .hasMessage("The kitchen ceiling light cannot show colours; it has white colour temperatures "
                        + "2700-6500 K.");
    }

    @Test
    void colourTemperatureOutsideTheLightsRangeIsRefusedNamingTheRange() {
        assertThatThrownBy(() -> tools.setLight("kitchen ceiling light", null, null, 2200, null))
                .isInstanceOf(ToolException.class)
                .hasMessage("The kitchen ceiling light supports colour temperatures 2700-6500 K, not 2200 K.");
    }

    @Test
    void inARoomOnlyTheLightsThatCanDimAreDimmedAndTheRestAreNamed() {
        Map<String, Object> result = tools.setLight("kitchen", null, 30, null, null);

        assertThat(lights(result)).extracting(l -> l.get("name")).containsExactly("kitchen ceiling light");
        assertThat(result.get("notes")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().asString()
                .contains("kitchen counter light can only be switched on and off").contains("left as it was");
    }

    @Test
    void inARoomAColourTemperatureIsBroughtIntoEachLightsRange() {
        Map<String, Object> result = tools.setLight("living room", null, null, 2000, null);

        assertThat(lights(result)).extracting(l -> l.get("name"))
                .containsExactly("living room ceiling light");
        assertThat(lights(result).get(0)).containsEntry("colorTemperature", 2200);
        assertThat(result.get("notes")).asInstanceOf(InstanceOfAssertFactories.LIST).anySatisfy(n -> assertThat(n).asString()
                .contains("goes from 2200 to 6500 K, so it was set to 2200 K"));
    }

    @Test
    void aColourNoLightInTheRoomCanShowIsRefused() {
        assertThatThrownBy(() -> tools.setLight("kitchen", null, null, null, "green"))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("None of those lights can do that.");
    }

    @Test
    void anUnknownColourListsTheNamedColours() {
        assertThatThrownBy(() -> tools.setLight("floor lamp", null, null, null, "sparkly"))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Unknown colour 'sparkly'").contains("red, orange");
                    assertThat(e.details()).containsKey("validColours");
                });
    }

    @Test
    void nothingToChangeIsRefused() {
        assertThatThrownBy(() -> tools.setLight("floor lamp", null, null, null, null))
                .isInstanceOf(ToolException.class).hasMessageStartingWith("Nothing to change");
    }

    @Test
    void colourAndColourTemperatureTogetherAreRefused() {
        assertThatThrownBy(() -> tools.setLight("bedside lamp", null, null, 3000, "red"))
                .isInstanceOf(ToolException.class).hasMessageContaining("either color or colorTemperature");
    }

    @Test
    void switchingOffWhileSettingBrightnessIsRefusedAsContradictory() {
        assertThatThrownBy(() -> tools.setLight("bedside lamp", false, 50, null, null))
                .isInstanceOf(ToolException.class).hasMessageContaining("contradict");
    }

    @Test
    void stateSticksBetweenCalls() {
        tools.setLight("floor lamp", null, 25, null, "purple");

        Map<String, Object> result = tools.setLight("floor lamp", true, null, null, null);

        assertThat(lights(result)).singleElement().satisfies(l ->
                assertThat(l).containsEntry("brightness", 25).containsEntry("color", "purple"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lights(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("lights");
    }
}
