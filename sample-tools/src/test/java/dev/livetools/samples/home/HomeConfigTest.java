package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeConfigTest {

    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredItIsTheBundledHomeInMemory() {
        HomeConfig config = HomeConfig.from(Map.of(), Map.of());

        assertThat(config.backend()).isEqualTo(HomeConfig.Backend.SIMULATED);
        assertThat(config).hasToString("HomeConfig[backend=simulated, description=(bundled), state=(memory)]");
        assertThat(config.loadHome().name()).isEqualTo("Sample home");
    }

    @Test
    void environmentVariablesNameEveryKey() {
        assertThat(HomeConfig.envName("mqtt.baseTopic")).isEqualTo("LIVETOOLS_HOME_MQTT_BASE_TOPIC");
        assertThat(HomeConfig.envName("state")).isEqualTo("LIVETOOLS_HOME_STATE");
        assertThat(HomeConfig.envName("mqtt.connectTimeout")).isEqualTo("LIVETOOLS_HOME_MQTT_CONNECT_TIMEOUT");
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheFile() throws Exception {
        Path file = dir.resolve("home.properties");
        Files.writeString(file, "backend=mqtt\nmqtt.url=tcp://file:1883\nmqtt.baseTopic=fromfile\nmqtt.clientId=file\n");

        HomeConfig config = HomeConfig.from(
                Map.of("livetools.home.config", file.toString(), "livetools.home.mqtt.url", "tcp://prop:1883"),
                Map.of("LIVETOOLS_HOME_MQTT_URL", "tcp://env:1883", "LIVETOOLS_HOME_MQTT_BASE_TOPIC", "fromenv"));

        assertThat(config.toString()).contains("url=tcp://prop:1883").contains("baseTopic=fromenv")
                .contains("clientId=file");
    }

    @Test
    void relativePathsInTheFileAreRelativeToTheFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(sub.resolve("home.properties"), "state=state/home-state.json\n");

        HomeConfig config = HomeConfig.from(Map.of(), Map.of("LIVETOOLS_HOME_CONFIG", sub.resolve("home.properties").toString()));

        assertThat(config.toString()).contains("state=" + sub.resolve("state/home-state.json"));
    }

    @Test
    void anUnknownKeyInTheFileIsRefusedListingTheKeys() throws Exception {
        Path file = dir.resolve("home.properties");
        Files.writeString(file, "mqtt.uri=tcp://x:1883\n");

        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.config", file.toString()), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("home config file " + file + " has unknown key 'mqtt.uri'; keys are backend, description, "
                        + "state, mqtt.url, mqtt.username, mqtt.password, mqtt.baseTopic, mqtt.clientId, mqtt.timeout, "
                        + "mqtt.connectTimeout");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.config", missing.toString()), Map.of()))
                .hasMessageStartingWith("cannot read home config file " + missing);
    }

    @Test
    void anUnknownBackendIsRefused() {
        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.backend", "zwave"), Map.of()))
                .hasMessage("backend 'zwave' is unknown; use simulated or mqtt");
    }

    @Test
    void aStateFileWithTheMqttBackendIsRefused() {
        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.backend", "mqtt",
                "livetools.home.state", "x.json"), Map.of()))
                .hasMessageStartingWith("state applies to the simulated backend only");
    }

    @Test
    void theCredentialsAppearNowhereInTheDescription() {
        HomeConfig config = HomeConfig.from(Map.of(), Map.of("LIVETOOLS_HOME_BACKEND", "mqtt",
                "LIVETOOLS_HOME_MQTT_USERNAME", "homeowner", "LIVETOOLS_HOME_MQTT_PASSWORD", "s3cret-pa55"));

        assertThat(config.toString()).doesNotContain("s3cret-pa55").doesNotContain("homeowner")
                .contains("credentials=(set)");
    }

    @Test
    void aUrlCarryingCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.backend", "mqtt",
                "livetools.home.mqtt.url", "tcp://homeowner:s3cret-pa55@broker:1883"), Map.of()))
                .hasMessage("mqtt.url must not contain credentials; set mqtt.username and mqtt.password instead");
    }

    @Test
    void aBadUrlOrTopicIsNamed() {
        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.backend", "mqtt",
                "livetools.home.mqtt.url", "http://broker"), Map.of()))
                .hasMessageStartingWith("mqtt.url 'http://broker' must be tcp://, ssl://, ws:// or wss://");
        assertThatThrownBy(() -> HomeConfig.from(Map.of("livetools.home.backend", "mqtt",
                "livetools.home.mqtt.baseTopic", "z2m/#"), Map.of()))
                .hasMessage("mqtt.baseTopic 'z2m/#' must be a topic without wildcards");
    }

    @Test
    void durationsAreReadInShortOrIsoForm() {
        assertThat(HomeConfig.duration("500ms", "k")).isEqualTo(Duration.ofMillis(500));
        assertThat(HomeConfig.duration("3s", "k")).isEqualTo(Duration.ofSeconds(3));
        assertThat(HomeConfig.duration("PT2M", "k")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> HomeConfig.duration("soon", "mqtt.timeout"))
                .hasMessage("mqtt.timeout 'soon' is not a duration; use e.g. 500ms, 3s or PT3S");
        assertThatThrownBy(() -> HomeConfig.duration("0s", "mqtt.timeout")).hasMessageContaining("positive");
    }

    @Test
    void theNoArgumentConstructorReadsSystemProperties() throws Exception {
        Path file = dir.resolve("home.json");
        Files.writeString(file, """
                {"name": "Configured", "rooms": [{"name": "studio", "devices": [{"id": "l", "name": "lamp", "type": "light"}]}]}
                """);
        String key = "livetools.home.description";
        System.setProperty(key, file.toString());
        try (HomeTools tools = new HomeTools()) {
            assertThat(tools.listDevices(null)).containsEntry("home", "Configured");
        } finally {
            System.clearProperty(key);
        }
    }
}
