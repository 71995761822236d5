package dev.livetools.samples.home.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.samples.home.backend.HomeBackend;
import dev.livetools.samples.home.model.Device;
import dev.livetools.samples.home.model.DeviceState;
import dev.livetools.samples.home.model.Home;
import dev.livetools.sdk.ToolException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Drives real devices through Zigbee2MQTT: commands go to {@code <base>/<device>/set}, and state is read from the
 * retained messages on {@code <base>/<device>}, which this backend subscribes to and keeps the latest of.
 *
 * <p>The connection is made on the first tool call, not when the plugin loads, so listing tools never needs the
 * broker; a lost connection is made again on the next call. A change counts as done when the device publishes a
 * state showing it; a device that publishes nothing within the response timeout is reported as not responding.
 */
public final class MqttBackend implements HomeBackend {

    private static final System.Logger LOG = System.getLogger(MqttBackend.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long after subscribing a read waits for retained state to arrive, at most. */
    private static final long RETAINED_GRACE_MS = 1000;
    /**
     * Paho traces the MQTT user name at FINE when it connects. Holding its loggers at INFO keeps that out of any log,
     * whatever level the host's logging configuration sets for the root; the reference keeps the level from being
     * garbage-collected with the logger.
     */
    private static final java.util.logging.Logger PAHO_LOG =
            java.util.logging.Logger.getLogger(MqttAsyncClient.class.getPackageName());

    static {
        PAHO_LOG.setLevel(java.util.logging.Level.INFO);
    }

    /** Outside Zigbee2MQTT's base topic, so Zigbee2MQTT never sees our marker messages. */
    private static final String SYNC_PREFIX = "livetools-home/";

    private final MqttSettings settings;
    private final Map<String, Device> byTopic = new HashMap<>();
    private final Object lock = new Object();
    /** Latest state per device id and a counter of messages, so a waiter can tell a new report from an old one. */
    private final Map<String, Report> reports = new HashMap<>();
    private long sequence;

    private final String syncTopic;
    private MqttAsyncClient client;
    private ScheduledExecutorService clientThreads;
    private long subscribedAtNanos;
    /** Set when our marker message comes back: the broker has delivered every retained state before it. */
    private boolean retainedDelivered;
    private boolean closed;

    public MqttBackend(Home home, MqttSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.syncTopic = SYNC_PREFIX + settings.clientId() + "/sync";
        for (Device d : home.devices()) {
            byTopic.put(stateTopic(d), d);
        }
    }

    @Override
    public List<DeviceState> read(List<Device> devices) {
        ensureConnected();
        synchronized (lock) {
            long graceEnd = subscribedAtNanos + RETAINED_GRACE_MS * 1_000_000;
            while (!retainedDelivered && devices.stream().anyMatch(d -> !reports.containsKey(d.id()))
                    && System.nanoTime() < graceEnd) {
                waitOn(graceEnd);
            }
            List<DeviceState> out = new ArrayList<>(devices.size());
            for (Device d : devices) {
                Report r = reports.get(d.id());
                out.add(r == null ? DeviceState.unknown() : Zigbee2Mqtt.decode(d, r.json()));
            }
            return out;
        }
    }

    @Override
    public List<Outcome> apply(List<Change> changes) {
        MqttAsyncClient c = ensureConnected();
        Map<String, Long> before = new HashMap<>();
        for (Change change : changes) {
            Device d = change.device();
            JsonNode last;
            synchronized (lock) {
                Report r = reports.get(d.id());
                before.put(d.id(), r == null ? -1 : r.seq());
                last = r == null ? null : r.json();
            }
            c = publish(c, d, Zigbee2Mqtt.command(d, change.settings(), last).toString());
        }
        long deadline = System.nanoTime() + settings.responseTimeout().toNanos();
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        synchronized (lock) {
            for (Change change : changes) {
                Device d = change.device();
                long seen = before.get(d.id());
                // Wait for a report that shows the change; settle for any newer report at the deadline.
                while (!(isNewer(d, seen) && Zigbee2Mqtt.reflects(change.settings(), decoded(d)))
                        && System.nanoTime() < deadline) {
                    waitOn(deadline);
                }
                if (isNewer(d, seen)) {
                    outcomes.add(Outcome.done(d, decoded(d)));
                } else {
                    outcomes.add(Outcome.failed(d, "The " + d.name() + " did not report its new state within "
                            + settings.responseTimeout().toMillis() + " ms; it may be offline or out of range ("
                            + stateTopic(d) + ")."));
                }
            }
        }
        return outcomes;
    }

    @Override
    public String describe() {
        return "Zigbee2MQTT on " + settings.url() + " (" + settings.baseTopic() + ")";
    }

    @Override
    public void close() {
        MqttAsyncClient c;
        ScheduledExecutorService threads;
        synchronized (this) {
            closed = true;
            c = client;
            threads = clientThreads;
            client = null;
            clientThreads = null;
        }
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(settings.connectTimeout().toMillis());
            }
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "disconnecting from {0} failed: {1}", settings.url(), e.getMessage());
        } finally {
            try {
                c.close(true);
            } catch (MqttException e) {
                LOG.log(Level.DEBUG, "closing the MQTT client failed: {0}", e.getMessage());
            }
            threads.shutdownNow();
        }
    }

    private String stateTopic(Device d) {
        return settings.baseTopic() + "/" + d.topic();
    }

    private boolean isNewer(Device d, long seen) {
        Report r = reports.get(d.id());
        return r != null && r.seq() > seen;
    }

    private DeviceState decoded(Device d) {
        Report r = reports.get(d.id());
        return r == null ? DeviceState.unknown() : Zigbee2Mqtt.decode(d, r.json());
    }

    /** Waits on {@link #lock} (held by the caller) until notified or {@code deadlineNanos}. */
    private void waitOn(long deadlineNanos) {
        long ms = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        try {
            lock.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("Cancelled while waiting for the devices to respond.");
        }
    }

    /**
     * Publishes a command; returns the client that sent it. Paho reports a connection the broker dropped only when
     * its reader sees the end of the stream, so a call can find the client "connected" and its publish failing with
     * the connection lost. A command is a state to set, safe to send twice (QoS 1 is at-least-once anyway), so such
     * a call reconnects once and sends again instead of failing.
     */
    private MqttAsyncClient publish(MqttAsyncClient c, Device d, String payload) {
        String topic = stateTopic(d) + "/set";
        try {
            send(c, topic, payload);
            return c;
        } catch (MqttException e) {
            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST
                    && e.getReasonCode() != MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                throw sendFailure(d, e);
            }
            LOG.log(Level.INFO, "the connection to MQTT broker {0} was lost while sending to {1}; reconnecting",
                    settings.url(), topic);
        }
        MqttAsyncClient fresh = reconnect(c);
        try {
            send(fresh, topic, payload);
            return fresh;
        } catch (MqttException e) {
            throw sendFailure(d, e);
        }
    }

    private void send(MqttAsyncClient c, String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        IMqttDeliveryToken token = c.publish(topic, m);
        token.waitForCompletion(settings.responseTimeout().toMillis());
        LOG.log(Level.DEBUG, "published {0} to {1}", payload, topic);
    }

    private ToolException sendFailure(Device d, MqttException e) {
        return new ToolException("Could not send the command for the " + d.name() + " to the MQTT broker ("
                + reason(e) + "); try again.", true, Map.of());
    }

    /** Replaces {@code stale} (unless another call already did) and connects. */
    private synchronized MqttAsyncClient reconnect(MqttAsyncClient stale) {
        if (client == stale) {
            discardClient();
        }
        return ensureConnected();
    }

    private synchronized MqttAsyncClient ensureConnected() {
        if (closed) {
            throw new IllegalStateException("the MQTT backend is closed");
        }
        if (client != null && client.isConnected()) {
            return client;
        }
        char[] password = settings.password();
        try {
            if (client == null) {
                // Paho's own threads are not daemons and would keep a host's JVM alive after the session ends.
                clientThreads = daemonThreads(settings.clientId());
                client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence(),
                        new ScheduledExecutorPingSender(clientThreads), clientThreads);
                client.setCallback(new Listener());
            }
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
            options.setKeepAliveInterval(30);
            if (settings.url().startsWith("tcp://")) {
                options.setSocketFactory(new NoDelaySocketFactory());
            }
            if (settings.username() != null) {
                options.setUserName(settings.username());
                options.setPassword(password == null ? new char[0] : password);
            }
            client.connect(options).waitForCompletion(settings.connectTimeout().toMillis());
            List<String> topicList = new ArrayList<>(byTopic.keySet().stream().sorted().toList());
            topicList.add(syncTopic);
            String[] topics = topicList.toArray(String[]::new);
            int[] qos = new int[topics.length];
            Arrays.fill(qos, 1);
            synchronized (lock) {
                retainedDelivered = false;
            }
            client.subscribe(topics, qos).waitForCompletion(settings.connectTimeout().toMillis());
            synchronized (lock) {
                subscribedAtNanos = System.nanoTime();
            }
            // The broker sends retained messages as it accepts a subscription, so a message we publish afterwards
            // arrives behind them; a broker that forbids this topic just leaves reads to the grace period.
            client.publish(syncTopic, new MqttMessage(new byte[] {1}));
            LOG.log(Level.INFO, "connected to MQTT broker {0} as {1}; following {2} devices under {3}/",
                    settings.url(), settings.clientId(), byTopic.size(), settings.baseTopic());
            return client;
        } catch (MqttException e) {
            discardClient();
            throw connectFailure(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private ToolException connectFailure(MqttException e) {
        int code = e.getReasonCode();
        if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
            LOG.log(Level.WARNING, "MQTT broker {0} refused the configured credentials", settings.url());
            return new ToolException("The MQTT broker at " + settings.url() + " refused the configured credentials; "
                    + "the home cannot be reached until mqtt.username and mqtt.password are fixed.", false, Map.of());
        }
        LOG.log(Level.WARNING, "cannot connect to MQTT broker {0}: {1}", settings.url(), reason(e));
        return new ToolException("Cannot reach the MQTT broker at " + settings.url() + " (" + reason(e)
                + "); the home's devices are unavailable. Try again later.", true, Map.of());
    }

    /**
     * Drops a client whose connect failed. A connect that timed out may still be running inside Paho, and a second
     * connect on the same client would be refused as "already in progress"; a fresh client has no such state.
     */
    private void discardClient() {
        MqttAsyncClient c = client;
        ScheduledExecutorService threads = clientThreads;
        client = null;
        clientThreads = null;
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 100, false);
        } catch (MqttException ignored) {
            // Not connected: nothing to disconnect.
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // Already unusable; the next call connects with a new client.
        }
        threads.shutdownNow();
    }

    private static ScheduledExecutorService daemonThreads(String clientId) {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(8, r -> {
            Thread t = new Thread(r, "livetools-mqtt-" + clientId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private static String reason(MqttException e) {
        Throwable cause = e.getCause();
        String text = e.getMessage() == null || e.getMessage().isBlank() ? "reason " + e.getReasonCode() : e.getMessage();
        return cause == null ? text : text + ": " + cause.getClass().getSimpleName();
    }

    private final class Listener implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
            LOG.log(Level.WARNING, "lost the connection to MQTT broker {0} ({1}); reconnecting on the next call",
                    settings.url(), cause == null ? "closed" : cause.getClass().getSimpleName());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (topic.equals(syncTopic)) {
                synchronized (lock) {
                    retainedDelivered = true;
                    lock.notifyAll();
                }
                return;
            }
            Device d = byTopic.get(topic);
            if (d == null) {
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(message.getPayload());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "ignoring a state message on {0} that is not JSON", topic);
                return;
            }
            if (json == null || !json.isObject()) {
                LOG.log(Level.WARNING, "ignoring a state message on {0} that is not a JSON object", topic);
                return;
            }
            synchronized (lock) {
                reports.put(d.id(), new Report(json, ++sequence));
                lock.notifyAll();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Delivery is awaited on the token itself.
        }
    }

    private record Report(JsonNode json, long seq) {
    }
}
