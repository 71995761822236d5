package dev.livetools.samples.home.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.ToolException;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameResolverTest {

    private final NameResolver names = new NameResolver(HomeDescription.loadDefault());

    @ParameterizedTest(name = "''{0}'' means {1}")
    @CsvSource(delimiter = '|', textBlock = """
            floor lamp                 | floor lamp
            Floor Lamp                 | floor lamp
            the floor lamp             | floor lamp
            floor_lamp                 | floor lamp
            lamp floor                 | floor lamp
            bedroom lamp               | bedside lamp
            living room lamp           | floor lamp
            kitchen ceiling            | kitchen ceiling light
            kitchen ceiling lights     | kitchen ceiling light
            under-cabinet light        | kitchen counter light
            flor lamp                  | floor lamp
            bedsde lamp                | bedside lamp
            hall                       | hallway light
            """)
    void oneDevice(String query, String device) {
        NameResolver.Selection s = names.devices(query, DeviceType.LIGHT);

        assertThat(s.devices()).extracting(Device::name).containsExactly(device);
        assertThat(s.group()).isFalse();
    }

    @ParameterizedTest(name = "''{0}'' means {1}")
    @CsvSource(delimiter = '|', textBlock = """
            kitchen                    | kitchen ceiling light, kitchen counter light
            Kitchen Lights             | kitchen ceiling light, kitchen counter light
            kitchen light              | kitchen ceiling light, kitchen counter light
            lights in the kitchen      | kitchen ceiling light, kitchen counter light
            all kitchen lights         | kitchen ceiling light, kitchen counter light
            kitchn                     | kitchen ceiling light, kitchen counter light
            lounge                     | living room ceiling light, floor lamp
            living                     | living room ceiling light, floor lamp
            livingroom                 | living room ceiling light, floor lamp
            lamps                      | floor lamp, bedside lamp
            ceiling lights             | living room ceiling light, kitchen ceiling light, bedroom ceiling light
            """)
    void severalDevices(String query, String devices) {
        NameResolver.Selection s = names.devices(query, DeviceType.LIGHT);

        assertThat(s.devices()).extracting(Device::name).containsExactly(devices.split(", "));
        assertThat(s.group()).isTrue();
    }

    @Test
    void allAndBarePluralsMeanEveryDeviceOfTheType() {
        for (String q : List.of("all", "All lights", "every light", "lights", "the whole house")) {
            assertThat(names.devices(q, DeviceType.LIGHT).devices()).as(q).hasSize(7);
        }
    }

    @Test
    void aBareSingularWithOneDeviceOfTheTypeMeansThatDevice() {
        assertThat(names.devices("sensor", DeviceType.SENSOR).devices()).extracting(Device::name)
                .containsExactly("garden sensor");
    }

    @Test
    void aBareSingularWithSeveralDevicesIsAmbiguous() {
        assertThatThrownBy(() -> names.devices("light", DeviceType.LIGHT))
                .isInstanceOf(ToolException.class).hasMessageContaining("could mean several lights");
    }

    @Test
    void severalTypesAtOnce() {
        NameResolver.Selection s = names.devices("living room", EnumSet.of(DeviceType.THERMOSTAT, DeviceType.SENSOR));

        assertThat(s.devices()).extracting(Device::name).containsExactly("living room thermostat");
    }

    @Test
    void aTypoTooFarFromAnyNameIsNotGuessed() {
        assertThatThrownBy(() -> names.devices("kitten", DeviceType.LIGHT))
                .isInstanceOf(ToolException.class).hasMessageStartingWith("No light or room called 'kitten'.");
    }

    @Test
    void shortWordsAreNotFuzzyMatched() {
        assertThatThrownBy(() -> names.devices("hal", DeviceType.LIGHT)).isInstanceOf(ToolException.class);
    }

    @Test
    void roomsByNameAliasAndPart() {
        assertThat(names.room("Living Room").name()).isEqualTo("living room");
        assertThat(names.room("sitting room").name()).isEqualTo("living room");
        assertThat(names.room("outdoors").name()).isEqualTo("garden");
        assertThat(names.room("bedroom").name()).isEqualTo("bedroom");
    }

    @Test
    void aHomeWithoutADeviceTypeSaysSo() {
        Home noCovers = HomeDescription.parse("""
                {"rooms": [{"name": "studio", "devices": [{"id": "l", "name": "lamp", "type": "light"}]}]}
                """, "test");

        assertThatThrownBy(() -> new NameResolver(noCovers).devices("studio", DeviceType.COVER))
                .isInstanceOf(ToolException.class).hasMessage("This home has no blinds or covers.");
    }
}
