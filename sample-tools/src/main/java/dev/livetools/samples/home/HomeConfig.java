package dev.livetools.samples.home;

import dev.livetools.samples.home.backend.HomeBackend;
import dev.livetools.samples.home.backend.SimulatedBackend;
import dev.livetools.samples.home.backend.StateFile;
import dev.livetools.samples.home.model.Home;
import dev.livetools.samples.home.model.HomeDescription;
import dev.livetools.samples.home.mqtt.MqttBackend;
import dev.livetools.samples.home.mqtt.MqttSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the home tools find their home. The host creates {@link HomeTools} through its no-argument constructor, so
 * configuration comes from outside: for each key below, a system property {@code livetools.home.<key>} wins over an
 * environment variable {@code LIVETOOLS_HOME_<KEY>} (dots and camel case become underscores:
 * {@code LIVETOOLS_HOME_MQTT_BASE_TOPIC}), which wins over a properties file named by {@code livetools.home.config} /
 * {@code LIVETOOLS_HOME_CONFIG} (keys without the prefix; relative paths in it are relative to the file).
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>meaning</th><th>default</th></tr>
 * <tr><td>backend</td><td>{@code simulated} or {@code mqtt}</td><td>simulated</td></tr>
 * <tr><td>description</td><td>home description JSON file</td><td>the bundled sample home</td></tr>
 * <tr><td>state</td><td>state file of the simulated home</td><td>none: state is kept in memory only</td></tr>
 * <tr><td>mqtt.url</td><td>broker URL</td><td>tcp://127.0.0.1:1883</td></tr>
 * <tr><td>mqtt.username, mqtt.password</td><td>broker credentials</td><td>anonymous</td></tr>
 * <tr><td>mqtt.baseTopic</td><td>Zigbee2MQTT base topic</td><td>zigbee2mqtt</td></tr>
 * <tr><td>mqtt.clientId</td><td>MQTT client id</td><td>livetools-home-&lt;random&gt;</td></tr>
 * <tr><td>mqtt.timeout</td><td>how long a device has to confirm a command</td><td>3s</td></tr>
 * <tr><td>mqtt.connectTimeout</td><td>how long connecting may take</td><td>5s</td></tr>
 * </table>
 */
public final class HomeConfig {

    /** Where the plugin's state lives. */
    public enum Backend {
        /** An in-memory home, optionally saved to a state file. */
        SIMULATED,
        /** Real devices through Zigbee2MQTT on an MQTT broker. */
        MQTT
    }

    /** The prefix of the system properties. */
    public static final String PROPERTY_PREFIX = "livetools.home.";
    /** The prefix of the environment variables. */
    public static final String ENV_PREFIX = "LIVETOOLS_HOME_";
    /** Every key a properties file may hold. */
    public static final List<String> KEYS = List.of("backend", "description", "state", "mqtt.url", "mqtt.username",
            "mqtt.password", "mqtt.baseTopic", "mqtt.clientId", "mqtt.timeout", "mqtt.connectTimeout");

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private final Backend backend;
    private final Path description;
    private final Path stateFile;
    private final MqttSettings mqtt;

    private HomeConfig(Backend backend, Path description, Path stateFile, MqttSettings mqtt) {
        this.backend = backend;
        this.description = description;
        this.stateFile = stateFile;
        this.mqtt = mqtt;
        if (backend == Backend.MQTT && mqtt == null) {
            throw new IllegalArgumentException("the mqtt backend needs MQTT settings");
        }
        if (backend == Backend.MQTT && stateFile != null) {
            throw new IllegalArgumentException("state applies to the simulated backend only; with mqtt the devices "
                    + "keep their own state");
        }
    }

    /** The simulated home, in memory or saved to {@code stateFile}; {@code description} null for the bundled home. */
    public static HomeConfig simulated(Path description, Path stateFile) {
        return new HomeConfig(Backend.SIMULATED, description, stateFile, null);
    }

    /** Real devices through MQTT; {@code description} null for the bundled home. */
    public static HomeConfig mqtt(Path description, MqttSettings settings) {
        return new HomeConfig(Backend.MQTT, description, null, settings);
    }

    /**
     * The configuration from this JVM's system properties and environment.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static HomeConfig fromEnvironment() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return from(props, System.getenv());
    }

    /**
     * The configuration from the given system properties and environment (and the properties file they name).
     *
     * @throws IllegalArgumentException naming the setting, variable or file that is wrong
     */
    public static HomeConfig from(Map<String, String> systemProperties, Map<String, String> environment) {
        Sources sources = new Sources(systemProperties, environment);
        String backendText = sources.get("backend", "simulated");
        Backend backend;
        try {
            backend = Backend.valueOf(backendText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("backend '" + backendText + "' is unknown; use simulated or mqtt");
        }
        Path description = sources.path("description");
        if (backend == Backend.SIMULATED) {
            return simulated(description, sources.path("state"));
        }
        if (sources.path("state") != null) {
            throw new IllegalArgumentException("state applies to the simulated backend only; remove it or use "
                    + "backend=simulated");
        }
        String password = sources.get("mqtt.password", null);
        MqttSettings settings = new MqttSettings(
                sources.get("mqtt.url", "tcp://127.0.0.1:1883"),
                sources.get("mqtt.username", null),
                password == null ? null : password.toCharArray(),
                sources.get("mqtt.baseTopic", "zigbee2mqtt"),
                sources.get("mqtt.clientId", "livetools-home-" + UUID.randomUUID().toString().substring(0, 8)),
                duration(sources.get("mqtt.timeout", "3s"), "mqtt.timeout"),
                duration(sources.get("mqtt.connectTimeout", "5s"), "mqtt.connectTimeout"));
        return mqtt(description, settings);
    }

    /** Which backend. */
    public Backend backend() {
        return backend;
    }

    /** Reads the home description (or the bundled home). */
    public Home loadHome() {
        return description == null ? HomeDescription.loadDefault() : HomeDescription.load(description);
    }

    /** Opens the configured backend for {@code home}; for MQTT this does not connect yet. */
    public HomeBackend openBackend(Home home) {
        if (backend == Backend.MQTT) {
            return new MqttBackend(home, mqtt);
        }
        return stateFile == null ? SimulatedBackend.inMemory(home)
                : SimulatedBackend.persistent(home, new StateFile(stateFile));
    }

    @Override
    public String toString() {
        return "HomeConfig[backend=" + backend.name().toLowerCase(Locale.ROOT)
                + ", description=" + (description == null ? "(bundled)" : description)
                + (backend == Backend.SIMULATED ? ", state=" + (stateFile == null ? "(memory)" : stateFile)
                : ", mqtt=" + mqtt) + "]";
    }

    static Duration duration(String text, String key) {
        String t = text.trim();
        Matcher m = SHORT_DURATION.matcher(t);
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                d = Duration.parse(t);
            }
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(key + " must be positive, not '" + text + "'");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a duration; use e.g. 500ms, 3s or PT3S");
        }
    }

    /** Looks keys up in system properties, then environment, then the properties file. */
    private static final class Sources {
        private final Map<String, String> systemProperties;
        private final Map<String, String> environment;
        private final Properties file = new Properties();
        private final Path fileDir;

        Sources(Map<String, String> systemProperties, Map<String, String> environment) {
            this.systemProperties = systemProperties;
            this.environment = environment;
            String location = direct("config");
            if (location == null) {
                fileDir = null;
                return;
            }
            Path path = Path.of(location).toAbsolutePath();
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read home config file " + path + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            for (String key : file.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("home config file " + path + " has unknown key '" + key
                            + "'; keys are " + String.join(", ", KEYS));
                }
            }
            fileDir = path.getParent();
        }

        String get(String key, String fallback) {
            String v = direct(key);
            if (v == null) {
                v = file.getProperty(key);
            }
            return v == null || v.isBlank() ? fallback : v;
        }

        Path path(String key) {
            String v = direct(key);
            if (v != null && !v.isBlank()) {
                return Path.of(v.trim()).toAbsolutePath();
            }
            v = file.getProperty(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            return fileDir.resolve(v.trim()).normalize();
        }

        private String direct(String key) {
            String v = systemProperties.get(PROPERTY_PREFIX + key);
            if (v == null) {
                v = environment.get(envName(key));
            }
            return v;
        }
    }

    /** The environment variable for a key: mqtt.baseTopic becomes LIVETOOLS_HOME_MQTT_BASE_TOPIC. */
    static String envName(String key) {
        return ENV_PREFIX + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }
}
