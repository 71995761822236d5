package dev.livetools.samples.home.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeDescriptionTest {

    @Test
    void theBundledHomeHasRoomsDevicesAndScenes() {
        Home home = HomeDescription.loadDefault();

        assertThat(home.rooms()).extracting(Room::name)
                .containsExactly("living room", "kitchen", "bedroom", "hallway", "garden");
        assertThat(home.devices()).hasSize(12);
        assertThat(home.devices(DeviceType.LIGHT)).hasSize(7);
        assertThat(home.scenes()).extracting(Scene::name)
                .containsExactly("movie night", "dinner", "good morning", "good night");
        assertThat(home.unit()).isEqualTo(TemperatureUnit.CELSIUS);
    }

    @Test
    void capabilitiesAndInitialStateAreRead() {
        Home home = HomeDescription.loadDefault();
        Device lamp = home.device("bedside_lamp").orElseThrow();

        assertThat(lamp.capabilities()).isEqualTo(new Capabilities(true, 2200, 6500, true, false, 5, 30));
        assertThat(home.initialState(lamp)).isEqualTo(DeviceState.light(false, 40, 2200, null));
        assertThat(home.device("bedroom_thermostat").orElseThrow().capabilities().maxSetpoint()).isEqualTo(25);
    }

    @Test
    void aFahrenheitHomeConvertsSetPointsToCelsius() {
        Home home = HomeDescription.parse("""
                {"temperatureUnit": "FAHRENHEIT", "timeZone": "America/Chicago",
                 "rooms": [{"name": "den", "devices": [
                   {"id": "t", "name": "den thermostat", "type": "thermostat", "minSetpoint": 50, "maxSetpoint": 86,
                    "state": {"setpoint": 68, "temperature": 65}}]}]}
                """, "test");
        Device t = home.device("t").orElseThrow();

        assertThat(home.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(t.capabilities().minSetpoint()).isEqualTo(10);
        assertThat(t.capabilities().maxSetpoint()).isEqualTo(30);
        assertThat(home.initialState(t).setpoint()).isEqualTo(20);
    }

    @Test
    void everyProblemIsReportedAtOnceNamingWhereItIs() {
        assertThatThrownBy(() -> HomeDescription.parse("""
                {"rooms": [{"name": "den", "devices": [
                    {"id": "a", "name": "lamp", "type": "lamp"},
                    {"id": "b", "name": "blind", "type": "cover", "dimmable": true},
                    {"id": "c", "name": "bulb", "type": "light", "colorTemperature": {"min": 6500, "max": 2700}},
                    {"id": "d", "name": "spot", "type": "light", "dimmable": false, "state": {"brightness": 50}}]}],
                 "scenes": [{"name": "party", "set": {"nope": {"on": true}, "d": {"color": "red"}}}]}
                """, "home description test.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("home description test.json has problems:")
                .hasMessageContaining("device 'a' in room 'den': unknown device type 'lamp'")
                .hasMessageContaining("device 'b' in room 'den': dimmable, color and colorTemperature apply to a light")
                .hasMessageContaining("device 'c' in room 'den': colour temperature range must lie within")
                .hasMessageContaining("device 'd' state: The spot can only be switched on and off")
                .hasMessageContaining("scene 'party': device 'nope' is unknown; device ids are d")
                .hasMessageContaining("scene 'party', device 'd': The spot cannot show colours");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> HomeDescription.parse("""
                {"rooms": [{"name": "den",
                   "devices": [{"id": "a", "name": "lamp", "type": "light", "dimable": true}]}]}
                """, "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test is not valid").hasMessageContaining("dimable").hasMessageContaining("line 2");
    }

    @Test
    void duplicateIdsAndNamesAreRefused() {
        assertThatThrownBy(() -> HomeDescription.parse("""
                {"rooms": [{"name": "den", "devices": [
                   {"id": "a", "name": "lamp", "type": "light"}, {"id": "a", "name": "other", "type": "light"},
                   {"id": "b", "name": "Lamp", "type": "light"}]}]}
                """, "test"))
                .hasMessageContaining("device id 'a' is used twice")
                .hasMessageContaining("device name 'Lamp' is used twice");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("home.json");

        assertThatThrownBy(() -> HomeDescription.load(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("home description " + missing + " does not exist");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("home.json");
        Files.writeString(file, """
                {"name": "Flat", "rooms": [{"name": "studio", "devices": [{"id": "l", "name": "lamp", "type": "light"}]}]}
                """);

        Home home = HomeDescription.load(file);

        assertThat(home.name()).isEqualTo("Flat");
        assertThat(home.initialState(home.device("l").orElseThrow()).on()).isFalse();
    }
}
