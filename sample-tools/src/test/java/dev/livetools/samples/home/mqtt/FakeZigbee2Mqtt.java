package dev.livetools.samples.home.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Devices as Zigbee2MQTT presents them, on one MQTT connection: each listens on {@code <base>/<name>/set}, applies a
 * command the way Zigbee2MQTT reports it (colour as CIE xy with a colour mode, covers with state and position) and
 * publishes its whole state, retained, on {@code <base>/<name>}. Every command received is recorded.
 */
public final class FakeZigbee2Mqtt implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MqttClient client;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();

    public FakeZigbee2Mqtt(MosquittoBroker broker) throws MqttException {
        client = new MqttClient(broker.url(), "fake-zigbee2mqtt-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(MosquittoBroker.USER);
        options.setPassword(MosquittoBroker.PASSWORD.toCharArray());
        options.setCleanSession(true);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options);
        client.subscribe("+/+/set", 1, (topic, message) -> {
            Device d = devices.get(topic.substring(0, topic.length() - "/set".length()));
            if (d != null) {
                d.onCommand(JSON.readTree(message.getPayload()));
            }
        });
    }

    /** Adds a device under {@code base} and publishes its initial state, retained. */
    public Device add(String base, String name, String initialState) throws Exception {
        Device d = new Device(base + "/" + name, (ObjectNode) JSON.readTree(initialState));
        devices.put(d.stateTopic, d);
        d.publishState();
        return d;
    }

    /** Publishes a retained message without any device behind it, like a device that changed by hand. */
    void publishRetained(String topic, String json) throws MqttException {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setRetained(true);
        m.setQos(1);
        client.publish(topic, m);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    /** One fake device. */
    public final class Device {
        private final String stateTopic;
        private final ObjectNode state;
        private final BlockingQueue<JsonNode> commands = new LinkedBlockingQueue<>();

        private Device(String stateTopic, ObjectNode state) {
            this.stateTopic = stateTopic;
            this.state = state;
        }

        /** The next command received, waiting up to two seconds. */
        public JsonNode nextCommand() throws InterruptedException {
            JsonNode c = commands.poll(2, TimeUnit.SECONDS);
            if (c == null) {
                throw new AssertionError("no command arrived on " + stateTopic + "/set");
            }
            return c;
        }

        private void onCommand(JsonNode command) throws MqttException {
            commands.add(command);
            synchronized (state) {
                command.fields().forEachRemaining(e -> apply(e.getKey(), e.getValue()));
                publishState();
            }
        }

        private void apply(String key, JsonNode value) {
            switch (key) {
                case "color" -> {
                    double[] xy = CieColour.toXy(value.get("hex").asText());
                    state.putObject("color").put("x", xy[0]).put("y", xy[1]);
                    state.put("color_mode", "xy");
                }
                case "color_temp" -> {
                    state.set("color_temp", value);
                    state.put("color_mode", "color_temp");
                }
                case "position" -> {
                    state.set("position", value);
                    state.put("state", value.asInt() > 0 ? "OPEN" : "CLOSE");
                }
                case "state" -> {
                    String s = value.asText();
                    boolean cover = s.equals("OPEN") || s.equals("CLOSE") || s.equals("STOP");
                    if (!s.equals("STOP")) {
                        state.put("state", s);
                    }
                    if (cover && !s.equals("STOP") && state.has("position")) {
                        state.put("position", s.equals("OPEN") ? 100 : 0);
                    }
                }
                default -> state.set(key, value);
            }
        }

        private void publishState() throws MqttException {
            publishRetained(stateTopic, state.toString());
        }
    }
}
