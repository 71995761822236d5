package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.samples.home.model.TemperatureUnit;
import dev.livetools.sdk.ToolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClimateToolsTest {

    private final HomeTools tools = new TestHome().tools;

    @Test
    void setsASetPointInTheHomesUnitAndReadsBackTheCurrentTemperature() {
        Map<String, Object> result = tools.setThermostat(21, "living room", null);

        assertThat(thermostats(result)).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("name", "living room thermostat").containsEntry("setpoint", 21.0)
                .containsEntry("temperature", 20.5).containsEntry("unit", "celsius").containsEntry("heating", true));
        assertThat(result.get("summary"))
                .isEqualTo("Living room thermostat set to 21 °C, 20.5 °C now, heating.");
    }

    @Test
    void fahrenheitIsConvertedAndReadBackInFahrenheit() {
        Map<String, Object> result = tools.setThermostat(70, "lounge", TemperatureUnit.FAHRENHEIT);

        assertThat(thermostats(result)).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("setpoint", 70.0).containsEntry("temperature", 68.9).containsEntry("unit", "fahrenheit"));
        assertThat(tools.setThermostat(21.1, "living room", TemperatureUnit.CELSIUS).get("summary"))
                .asString().startsWith("Living room thermostat set to 21.1 °C");
    }

    @Test
    void aCelsiusValueOutsideTheRangeSuggestsFahrenheit() {
        assertThatThrownBy(() -> tools.setThermostat(70, "living room", null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("70 °C is outside the living room thermostat's range of "
                            + "5-30 °C. Did you mean 70 °F? Then pass unit FAHRENHEIT.");
                    assertThat(e.details()).containsEntry("min", 5.0).containsEntry("max", 30.0);
                });
    }

    @Test
    void aFahrenheitValueOutsideTheRangeSuggestsCelsius() {
        assertThatThrownBy(() -> tools.setThermostat(21, "living room", TemperatureUnit.FAHRENHEIT))
                .isInstanceOf(ToolException.class)
                .hasMessage("21 °F is outside the living room thermostat's range of 41-86 °F. Did you mean 21 °C? "
                        + "Then pass unit CELSIUS.");
    }

    @Test
    void eachThermostatKeepsItsOwnRange() {
        assertThatThrownBy(() -> tools.setThermostat(27, "bedroom", null))
                .isInstanceOf(ToolException.class)
                .hasMessageStartingWith("27 °C is outside the bedroom thermostat's range of 10-25 °C.");
    }

    @Test
    void absurdValuesGetNoUnitHint() {
        assertThatThrownBy(() -> tools.setThermostat(500, "bedroom", null))
                .isInstanceOf(ToolException.class).hasMessageNotContaining("Did you mean");
    }

    @Test
    void withoutARoomSeveralThermostatsMeanTheModelMustSayWhich() {
        assertThatThrownBy(() -> tools.setThermostat(20, null, null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Which room? Thermostats are in: living room, bedroom. "
                            + "Or say 'all'.");
                    assertThat(e.details()).containsEntry("validRooms", List.of("living room", "bedroom"));
                });
    }

    @Test
    void allSetsEveryThermostat() {
        Map<String, Object> result = tools.setThermostat(19, "all", null);

        assertThat(thermostats(result)).extracting(t -> t.get("setpoint")).containsExactly(19.0, 19.0);
    }

    @Test
    void aRoomWithoutAThermostatNamesTheRoomsThatHaveOne() {
        assertThatThrownBy(() -> tools.setThermostat(20, "kitchen", null))
                .isInstanceOf(ToolException.class)
                .hasMessage("The kitchen has no thermostats. Rooms with thermostats: living room, bedroom.");
    }

    @Test
    void temperaturesOfEveryRoom() {
        Map<String, Object> result = tools.getTemperature(null, null);

        assertThat(result.get("summary")).isEqualTo("Living room: 20.5 °C. Bedroom: 18.5 °C. Garden: 12 °C.");
        assertThat(readings(result)).extracting(r -> r.get("name"))
                .containsExactly("living room thermostat", "bedroom thermostat", "garden sensor");
    }

    @Test
    void temperatureOfOneRoomInFahrenheit() {
        Map<String, Object> result = tools.getTemperature("outside", TemperatureUnit.FAHRENHEIT);

        assertThat(readings(result)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("name", "garden sensor").containsEntry("temperature", 53.6)
                .containsEntry("unit", "fahrenheit"));
    }

    @Test
    void temperatureOfARoomWithoutSensorsNamesTheRoomsWithOne() {
        assertThatThrownBy(() -> tools.getTemperature("hallway", null))
                .isInstanceOf(ToolException.class)
                .hasMessage("The hallway has no thermostats or sensors. Rooms with thermostats or sensors: "
                        + "living room, bedroom, garden.");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> thermostats(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("thermostats");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readings(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("readings");
    }
}
