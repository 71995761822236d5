package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.ToolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HomeStatusTest {

    private final HomeTools tools = new TestHome().tools;

    @Test
    void summarisesWhatIsOnTemperaturesAndBlinds() {
        Map<String, Object> status = tools.homeStatus();

        assertThat(status.get("summary")).isEqualTo("2 of 7 lights on: living room ceiling light on at 70%, 2700 K; "
                + "kitchen ceiling light on at 100%, 4000 K. Living room blinds open; living room thermostat set to "
                + "20 °C, 20.5 °C now; bedroom blinds closed; bedroom thermostat set to 18 °C, 18.5 °C now; garden "
                + "sensor 12 °C. No timers or reminders running.");
        assertThat((List<?>) status.get("lights")).hasSize(7);
        assertThat((List<?>) status.get("climate")).hasSize(3);
        assertThat((List<?>) status.get("covers")).hasSize(2);
        assertThat(status).containsEntry("backend", "simulated home");
    }

    @Test
    void reflectsChangesMadeByOtherTools() {
        tools.setLight("all", false, null, null, null);

        assertThat(tools.homeStatus().get("summary")).asString().startsWith("All 7 lights are off.");
    }

    @Test
    void listDevicesDescribesRoomsCapabilitiesAndScenes() {
        Map<String, Object> list = tools.listDevices(null);

        assertThat(list).containsEntry("home", "Sample home").containsEntry("temperatureUnit", "celsius")
                .containsEntry("scenes", List.of("movie night", "dinner", "good morning", "good night"));
        assertThat((List<?>) list.get("rooms")).hasSize(5);
    }

    @Test
    void listDevicesOfOneRoomShowsWhatEachDeviceCanDo() {
        Map<String, Object> list = tools.listDevices("kitchen");

        assertThat(list.get("rooms")).isEqualTo(List.of(Map.of("room", "kitchen", "devices", List.of(
                Map.of("name", "kitchen ceiling light", "type", "light",
                        "can", List.of("on/off", "brightness 0-100%", "colour temperature 2700-6500 K")),
                Map.of("name", "kitchen counter light", "type", "light", "can", List.of("on/off"))))));
    }

    @Test
    void listDevicesOfAnUnknownRoomListsTheRooms() {
        assertThatThrownBy(() -> tools.listDevices("attic"))
                .isInstanceOf(ToolException.class)
                .hasMessage("No room called 'attic'. Rooms: living room, kitchen, bedroom, hallway, garden.");
    }
}
