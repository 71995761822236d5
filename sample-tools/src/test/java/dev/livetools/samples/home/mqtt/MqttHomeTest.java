package dev.livetools.samples.home.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.samples.home.CoverAction;
import dev.livetools.samples.home.HomeConfig;
import dev.livetools.samples.home.HomeTools;
import dev.livetools.sdk.ToolException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The home tools driving fake Zigbee2MQTT devices through a real Mosquitto broker. */
@Timeout(30)
class MqttHomeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path brokerDir;
    static MosquittoBroker broker;
    static FakeZigbee2Mqtt zigbee;

    private final String base = "z2m-" + System.nanoTime();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.startOrSkip(brokerDir);
        try {
            zigbee = new FakeZigbee2Mqtt(broker);
        } catch (Exception e) {
            throw new IllegalStateException("the fake Zigbee2MQTT cannot connect; broker log:\n" + broker.log(), e);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (zigbee != null) {
            zigbee.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
    }

    @Test
    void setLightPublishesAZigbeeCommandAndReadsTheDevicesReportBack() throws Exception {
        FakeZigbee2Mqtt.Device lamp = device("floor_lamp", "{\"state\":\"OFF\",\"brightness\":254}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        Map<String, Object> result = tools.setLight("floor lamp", null, 60, null, "red");

        assertThat(lamp.nextCommand()).isEqualTo(JSON.readTree(
                "{\"state\":\"ON\",\"brightness\":152,\"color\":{\"hex\":\"#ff0000\"}}"));
        assertThat(first(result, "lights")).containsEntry("on", true).containsEntry("brightness", 60)
                .containsEntry("color", "red");
    }

    @Test
    void colourTemperatureTravelsInMiredsAndReadsBackInKelvin() throws Exception {
        FakeZigbee2Mqtt.Device light = device("kitchen_ceiling", "{\"state\":\"ON\",\"brightness\":100,\"color_temp\":250}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        Map<String, Object> result = tools.setLight("kitchen ceiling light", null, null, 2700, null);

        assertThat(light.nextCommand()).isEqualTo(JSON.readTree("{\"state\":\"ON\",\"color_temp\":370}"));
        assertThat(first(result, "lights")).containsEntry("colorTemperature", 2700).containsEntry("brightness", 39);
    }

    @Test
    void switchingOffSendsOnlyTheState() throws Exception {
        FakeZigbee2Mqtt.Device light = device("hallway_light", "{\"state\":\"ON\"}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        Map<String, Object> result = tools.setLight("hallway", false, null, null, null);

        assertThat(light.nextCommand()).isEqualTo(JSON.readTree("{\"state\":\"OFF\"}"));
        assertThat(result.get("summary")).isEqualTo("Hallway light off.");
    }

    @Test
    void aThermostatIsSetWithTheKeyItReportsAndReadsBackItsTemperature() throws Exception {
        FakeZigbee2Mqtt.Device trv = device("living_room_thermostat",
                "{\"current_heating_setpoint\":19,\"local_temperature\":18.2}");
        HomeTools tools = tools(Duration.ofSeconds(3));
        tools.homeStatus();

        Map<String, Object> result = tools.setThermostat(21, "living room", null);

        assertThat(trv.nextCommand()).isEqualTo(JSON.readTree("{\"current_heating_setpoint\":21.0}"));
        assertThat(first(result, "thermostats")).containsEntry("setpoint", 21.0).containsEntry("temperature", 18.2)
                .containsEntry("heating", true);
    }

    @Test
    void aThermostatThatReportsNothingYetGetsTheUsualKey() throws Exception {
        FakeZigbee2Mqtt.Device trv = device("bedroom_thermostat", "{}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        tools.setThermostat(19, "bedroom", null);

        assertThat(trv.nextCommand()).isEqualTo(JSON.readTree("{\"occupied_heating_setpoint\":19.0}"));
    }

    @Test
    void blindsMoveByPositionOrByStateWhenTheyCannotStopHalfway() throws Exception {
        FakeZigbee2Mqtt.Device living = device("living_room_blinds", "{\"position\":100,\"state\":\"OPEN\"}");
        FakeZigbee2Mqtt.Device bedroom = device("bedroom_blinds", "{\"state\":\"OPEN\"}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        Map<String, Object> result = tools.setCover("all blinds", CoverAction.CLOSE, null);

        assertThat(living.nextCommand()).isEqualTo(JSON.readTree("{\"position\":0}"));
        assertThat(bedroom.nextCommand()).isEqualTo(JSON.readTree("{\"state\":\"CLOSE\"}"));
        assertThat(result.get("summary")).isEqualTo("Living room blinds closed; bedroom blinds closed.");
    }

    @Test
    void stateIsReadFromRetainedMessagesPublishedBeforeTheToolsStarted() throws Exception {
        zigbee.publishRetained(base + "/garden_sensor", "{\"temperature\":7.5,\"humidity\":81}");
        zigbee.publishRetained(base + "/floor_lamp",
                "{\"state\":\"ON\",\"brightness\":127,\"color_mode\":\"xy\",\"color\":{\"x\":0.1355,\"y\":0.0399}}");
        HomeTools tools = tools(Duration.ofSeconds(3));

        Map<String, Object> temperature = tools.getTemperature("garden", null);
        String summary = (String) tools.homeStatus().get("summary");

        assertThat(temperature.get("summary")).isEqualTo("Garden: 7.5 °C.");
        assertThat(summary).contains("floor lamp on at 50%, blue").contains("kitchen ceiling light: state unknown");
    }

    @Test
    void aDeviceThatNeverAnswersIsReportedAsNotResponding() {
        HomeTools tools = tools(Duration.ofMillis(300));

        assertThatThrownBy(() -> tools.setLight("floor lamp", true, null, null, null))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The floor lamp did not report its new state within 300 ms; "
                            + "it may be offline or out of range (" + base + "/floor_lamp).");
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void aSceneReportsTheDevicesThatAnsweredAndNamesThoseThatDidNot() throws Exception {
        device("floor_lamp", "{\"state\":\"OFF\",\"brightness\":254}");
        device("living_room_blinds", "{\"position\":100}");
        HomeTools tools = tools(Duration.ofMillis(500));

        Map<String, Object> result = tools.activateScene("movie night");

        assertThat(result.get("devices")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(2);
        assertThat(result.get("failed")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(3)
                .anySatisfy(f -> assertThat(f).asString().startsWith("The kitchen counter light did not report"));
        assertThat(result.get("summary")).asString()
                .startsWith("Movie night is set: floor lamp on at 20%, orange; living room blinds closed.");
    }

    @Test
    void aStoppedBrokerIsAnErrorTheModelMayRetry() throws Exception {
        int unused;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            unused = s.getLocalPort();
        }
        HomeTools tools = open(new MqttSettings("tcp://127.0.0.1:" + unused, null, null, base, "t-" + base,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));

        assertThatThrownBy(tools::homeStatus)
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Cannot reach the MQTT broker at tcp://127.0.0.1:" + unused);
                    assertThat(e.retryable()).isTrue();
                });
    }

    @Test
    void theToolsConnectAgainAfterTheConnectionFailed() throws Exception {
        device("hallway_light", "{\"state\":\"OFF\"}");
        MqttSettings settings = settings(Duration.ofSeconds(3));
        HomeTools tools = open(settings);
        tools.setLight("hallway", true, null, null, null);
        // Another client with the same id takes over the session: the broker drops ours.
        HomeTools intruder = open(settings);
        intruder.homeStatus();

        Map<String, Object> result = tools.setLight("hallway", false, null, null, null);

        assertThat(result.get("summary")).isEqualTo("Hallway light off.");
    }

    @Test
    void aMalformedStateMessageIsIgnoredAndTheLastGoodStateKept() throws Exception {
        zigbee.publishRetained(base + "/garden_sensor", "{\"temperature\":9}");
        HomeTools tools = tools(Duration.ofSeconds(3));
        assertThat(tools.getTemperature("garden", null).get("summary")).isEqualTo("Garden: 9 °C.");

        zigbee.publishRetained(base + "/garden_sensor", "temperature=10");
        zigbee.publishRetained(base + "/garden_sensor", "[1, 2]");
        zigbee.publishRetained(base + "/kitchen_ceiling", "{\"state\":\"ON\"}");
        waitUntil(() -> tools.homeStatus().get("summary").toString().contains("kitchen ceiling light on"));

        assertThat(tools.getTemperature("garden", null).get("summary")).isEqualTo("Garden: 9 °C.");
    }

    @Test
    void theConnectionRunsOnDaemonThreadsThatStopWithTheTools() throws Exception {
        device("hallway_light", "{\"state\":\"OFF\"}");
        HomeTools tools = tools(Duration.ofSeconds(3));
        tools.setLight("hallway", true, null, null, null);

        List<Thread> mqtt = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("tools-" + base)).toList();
        assertThat(mqtt).as("the client's threads").isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

        tools.close();
        waitUntil(() -> mqtt.stream().noneMatch(Thread::isAlive));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private FakeZigbee2Mqtt.Device device(String name, String state) throws Exception {
        return zigbee.add(base, name, state);
    }

    private HomeTools tools(Duration timeout) {
        return open(settings(timeout));
    }

    private MqttSettings settings(Duration timeout) {
        return new MqttSettings(broker.url(), MosquittoBroker.USER, MosquittoBroker.PASSWORD.toCharArray(), base,
                "tools-" + base, timeout, Duration.ofSeconds(5));
    }

    private HomeTools open(MqttSettings settings) {
        HomeTools tools = new HomeTools(HomeConfig.mqtt(null, settings));
        closeAfter.add(0, tools);
        return tools;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> result, String key) {
        return ((List<Map<String, Object>>) result.get(key)).get(0);
    }
}
