package dev.livetools.samples.home.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.samples.home.HomeConfig;
import dev.livetools.samples.home.HomeTools;
import dev.livetools.sdk.ToolException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The broker password and user name never reach a log record, at any level, nor an error the model sees. */
@Timeout(30)
class CredentialsTest {

    @TempDir
    static Path brokerDir;
    static MosquittoBroker broker;

    private final List<String> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            StringWriter text = new StringWriter();
            text.append(r.getLoggerName()).append(' ').append(String.valueOf(r.getMessage())).append(' ')
                    .append(Arrays.toString(r.getParameters())).append(' ').append(formatter.format(r));
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(text));
            }
            synchronized (records) {
                records.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;

    @BeforeAll
    static void startBroker() {
        broker = MosquittoBroker.startOrSkip(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
    }

    @Test
    void aWorkingConnectionLogsNeitherPasswordNorUserName() {
        try (HomeTools tools = tools(MosquittoBroker.PASSWORD)) {
            tools.homeStatus();
        }
        List<String> logged = logged();

        assertThat(logged).as("something was logged, so the check means something")
                .anySatisfy(l -> assertThat(l).contains("connected to MQTT broker " + broker.url()));
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(MosquittoBroker.PASSWORD));
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(MosquittoBroker.USER));
    }

    @Test
    void aRefusedPasswordIsReportedWithoutEchoingAnyCredential() {
        String wrong = "wrong-horse-battery-staple";
        try (HomeTools tools = tools(wrong)) {
            assertThatThrownBy(tools::homeStatus)
                    .isInstanceOfSatisfying(ToolException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("The MQTT broker at " + broker.url() + " refused the "
                                + "configured credentials; the home cannot be reached until mqtt.username and "
                                + "mqtt.password are fixed.");
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getCause()).isNull();
                    });
        }
        List<String> logged = logged();

        assertThat(logged).anySatisfy(l -> assertThat(l).contains("refused the configured credentials"));
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(wrong));
        assertThat(logged).noneSatisfy(l -> assertThat(l).contains(MosquittoBroker.USER));
    }

    private List<String> logged() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private HomeTools tools(String password) {
        return new HomeTools(HomeConfig.mqtt(null, new MqttSettings(broker.url(), MosquittoBroker.USER,
                password.toCharArray(), "creds", "creds-" + System.nanoTime(), Duration.ofMillis(500),
                Duration.ofSeconds(5))));
    }
}
