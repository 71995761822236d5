package dev.livetools.samples.home.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Home;
import dev.livetools.samples.home.model.HomeDescription;
import dev.livetools.samples.home.model.Settings;
import org.junit.jupiter.api.Test;

class Zigbee2MqttTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Home HOME = HomeDescription.loadDefault();
    private final Device colourLamp = HOME.device("bedside_lamp").orElseThrow();
    private final Device whiteLight = HOME.device("kitchen_ceiling").orElseThrow();
    private final Device onOff = HOME.device("hallway_light").orElseThrow();

    @Test
    void brightnessPercentMapsOntoZigbeesZeroTo254AndBack() {
        assertThat(Zigbee2Mqtt.toZigbeeBrightness(100)).isEqualTo(254);
        assertThat(Zigbee2Mqtt.toZigbeeBrightness(1)).isEqualTo(3);
        for (int p = 0; p <= 100; p++) {
            assertThat(Zigbee2Mqtt.fromZigbeeBrightness(Zigbee2Mqtt.toZigbeeBrightness(p))).isEqualTo(p);
        }
    }

    @Test
    void kelvinMapsOntoMiredsAndReadsBackToTheNearestFifty() {
        assertThat(Zigbee2Mqtt.toMireds(2700)).isEqualTo(370);
        assertThat(Zigbee2Mqtt.toMireds(6500)).isEqualTo(154);
        for (int k = 2200; k <= 6500; k += 50) {
            assertThat(Zigbee2Mqtt.fromMireds(Zigbee2Mqtt.toMireds(k))).as(k + " K").isCloseTo(k, org.assertj.core.data.Offset.offset(50));
        }
        assertThat(Zigbee2Mqtt.fromMireds(370)).isEqualTo(2700);
    }

    @Test
    void aLightCommandCarriesOnlyWhatChanges() {
        assertThat(Zigbee2Mqtt.command(colourLamp, Settings.light(true, 50, null, "#00ff00"), null))
                .isEqualTo(json("{\"state\":\"ON\",\"brightness\":127,\"color\":{\"hex\":\"#00ff00\"}}"));
        assertThat(Zigbee2Mqtt.command(onOff, Settings.light(false, null, null, null), null))
                .isEqualTo(json("{\"state\":\"OFF\"}"));
    }

    @Test
    void theColourModeDecidesBetweenColourAndColourTemperature() {
        DeviceState xy = Zigbee2Mqtt.decode(colourLamp, json(
                "{\"state\":\"ON\",\"brightness\":254,\"color_temp\":300,\"color_mode\":\"xy\","
                        + "\"color\":{\"x\":0.64,\"y\":0.33}}"));
        DeviceState ct = Zigbee2Mqtt.decode(colourLamp, json(
                "{\"state\":\"ON\",\"brightness\":254,\"color_temp\":300,\"color_mode\":\"color_temp\","
                        + "\"color\":{\"x\":0.64,\"y\":0.33}}"));

        assertThat(xy).isEqualTo(DeviceState.light(true, 100, null, "#ff0000"));
        assertThat(ct).isEqualTo(DeviceState.light(true, 100, 3350, null));
    }

    @Test
    void aWhiteLightIgnoresAnyColourItReports() {
        assertThat(Zigbee2Mqtt.decode(whiteLight, json("{\"state\":\"OFF\",\"color_temp\":250,\"color\":{\"x\":0.3,\"y\":0.3}}")))
                .isEqualTo(DeviceState.light(false, null, 4000, null));
    }

    @Test
    void thermostatsReadEitherSetPointKeyAndTheLocalTemperature() {
        Device t = HOME.device("bedroom_thermostat").orElseThrow();

        assertThat(Zigbee2Mqtt.decode(t, json("{\"occupied_heating_setpoint\":20.5,\"local_temperature\":19}")))
                .isEqualTo(DeviceState.thermostat(19.0, 20.5));
        assertThat(Zigbee2Mqtt.decode(t, json("{\"current_heating_setpoint\":18}")))
                .isEqualTo(DeviceState.thermostat(null, 18.0));
    }

    @Test
    void coversReadPositionOrOpenClosedState() {
        Device blinds = HOME.device("bedroom_blinds").orElseThrow();

        assertThat(Zigbee2Mqtt.decode(blinds, json("{\"position\":35,\"state\":\"OPEN\"}")).position()).isEqualTo(35);
        assertThat(Zigbee2Mqtt.decode(blinds, json("{\"state\":\"CLOSE\"}")).position()).isZero();
        assertThat(Zigbee2Mqtt.decode(blinds, json("{\"state\":\"OPEN\"}")).position()).isEqualTo(100);
        assertThat(Zigbee2Mqtt.command(blinds, Settings.stopCover(), null)).isEqualTo(json("{\"state\":\"STOP\"}"));
    }

    @Test
    void aReportReflectsAChangeWithinZigbeeRounding() {
        Settings asked = Settings.light(true, 60, 2700, null);

        assertThat(Zigbee2Mqtt.reflects(asked, DeviceState.light(true, 61, 2650, null))).isTrue();
        assertThat(Zigbee2Mqtt.reflects(asked, DeviceState.light(false, 60, 2700, null))).isFalse();
        assertThat(Zigbee2Mqtt.reflects(asked, DeviceState.unknown())).isFalse();
    }

    @Test
    void hexAndCieXyConvertBothWaysWithinRounding() {
        for (String hex : new String[] {"#ff0000", "#00ff00", "#0000ff", "#ffffff", "#ff00ff", "#ff8000"}) {
            double[] xy = CieColour.toXy(hex);
            String back = CieColour.toHex(xy[0], xy[1]);
            for (int i = 1; i < 7; i += 2) {
                assertThat(Integer.parseInt(back.substring(i, i + 2), 16))
                        .as(hex + " came back as " + back)
                        .isCloseTo(Integer.parseInt(hex.substring(i, i + 2), 16), org.assertj.core.data.Offset.offset(2));
            }
        }
        assertThat(CieColour.toXy("#ff0000")).as("the sRGB red primary")
                .containsExactly(new double[] {0.64, 0.33}, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void aColourReadBackWithinRoundingOfANamedOneIsCalledByItsName() {
        assertThat(dev.livetools.samples.home.model.Colour.ofHex("#ff01ff").describe()).isEqualTo("magenta");
        assertThat(dev.livetools.samples.home.model.Colour.ofHex("#f08000").describe()).isEqualTo("#f08000");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
