package dev.livetools.samples.home.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach the MQTT broker that Zigbee2MQTT publishes to. The password is held as characters and never appears
 * in {@link #toString()}, logs or error messages; neither does the user name.
 */
public final class MqttSettings {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    private final String url;
    private final String username;
    private final char[] password;
    private final String baseTopic;
    private final String clientId;
    private final Duration responseTimeout;
    private final Duration connectTimeout;

    /**
     * @param url the broker, e.g. {@code tcp://192.168.1.10:1883} or {@code ssl://broker:8883}
     * @param username the user name, or {@code null} for an anonymous connection
     * @param password the password, or {@code null}
     * @param baseTopic Zigbee2MQTT's base topic, usually {@code zigbee2mqtt}
     * @param clientId the MQTT client id; unique per connection
     * @param responseTimeout how long a device has to report its new state after a command
     * @param connectTimeout how long connecting to the broker may take
     * @throws IllegalArgumentException naming the setting that is wrong (never echoing a credential)
     */
    public MqttSettings(String url, String username, char[] password, String baseTopic, String clientId,
                        Duration responseTimeout, Duration connectTimeout) {
        this.url = checkUrl(url);
        if (password != null && username == null) {
            throw new IllegalArgumentException("mqtt.password is set but mqtt.username is not");
        }
        this.username = username;
        this.password = password == null ? null : password.clone();
        this.baseTopic = checkTopic(baseTopic);
        if (clientId == null || clientId.isBlank() || clientId.length() > 64) {
            throw new IllegalArgumentException("mqtt.clientId must be 1-64 characters");
        }
        this.clientId = clientId;
        this.responseTimeout = positive(responseTimeout, "mqtt.timeout");
        this.connectTimeout = positive(connectTimeout, "mqtt.connectTimeout");
    }

    /** The broker URL. */
    public String url() {
        return url;
    }

    /** The user name, or {@code null}. */
    public String username() {
        return username;
    }

    /** A copy of the password, or {@code null}; the caller should clear it after use. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** Zigbee2MQTT's base topic, without a trailing slash. */
    public String baseTopic() {
        return baseTopic;
    }

    /** The MQTT client id. */
    public String clientId() {
        return clientId;
    }

    /** How long a device has to report its new state after a command. */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** How long connecting may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", baseTopic=" + baseTopic + ", clientId=" + clientId
                + ", credentials=" + (username == null ? "none" : "(set)") + ", timeout=" + responseTimeout + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttSettings m && url.equals(m.url) && Objects.equals(username, m.username)
                && Arrays.equals(password, m.password) && baseTopic.equals(m.baseTopic) && clientId.equals(m.clientId)
                && responseTimeout.equals(m.responseTimeout) && connectTimeout.equals(m.connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, baseTopic, clientId);
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("mqtt.url is not set; e.g. tcp://127.0.0.1:1883");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("mqtt.url is not a URL; use e.g. tcp://127.0.0.1:1883");
        }
        // Checked before anything echoes the URL, which would then carry the password into a message.
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("mqtt.url must not contain credentials; set mqtt.username and "
                    + "mqtt.password instead");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("mqtt.url '" + url + "' must be tcp://, ssl://, ws:// or wss:// "
                    + "with a host, e.g. tcp://127.0.0.1:1883");
        }
        return url.trim();
    }

    private static String checkTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("mqtt.baseTopic is empty; Zigbee2MQTT's default is zigbee2mqtt");
        }
        String t = topic.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.contains("+") || t.contains("#")) {
            throw new IllegalArgumentException("mqtt.baseTopic '" + topic + "' must be a topic without wildcards");
        }
        return t;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return d;
    }
}
