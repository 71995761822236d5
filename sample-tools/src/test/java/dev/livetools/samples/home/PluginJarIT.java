package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.samples.home.mqtt.FakeZigbee2Mqtt;
import dev.livetools.samples.home.mqtt.MosquittoBroker;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.ToolException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built plugin jar, loaded the way a host loads plugins: alone, in its own class loader whose parent shows only
 * the tools SDK, Jakarta Validation and the JDK. Runs after {@code package} (failsafe), on the real artifact.
 */
@Timeout(60)
class PluginJarIT {

    private static final Path JAR = Path.of(System.getProperty("livetools.pluginJar",
            "target/livetools-sample-tools-unknown.jar"));

    @TempDir
    Path dir;
    private URLClassLoader plugin;

    @BeforeEach
    void loadPlugin() throws Exception {
        assertThat(JAR).as("run through Maven after package: the plugin jar").isRegularFile();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path copy = Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        plugin = new URLClassLoader("plugin " + copy.getFileName(), new URL[] {copy.toUri().toURL()},
                new HostApiOnly(PluginJarIT.class.getClassLoader()));
    }

    @AfterEach
    void closePlugin() throws Exception {
        plugin.close();
    }

    @Test
    void theJarHoldsOurClassesAndRelocatedLibrariesOnly() throws Exception {
        List<String> classes;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            classes = jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertThat(jar.getEntry("dev/livetools/samples/home/default-home.json")).isNotNull();
            assertThat(jar.getEntry("META-INF/services/dev.livetools.samples.home.shaded.paho.client.mqttv3.spi."
                    + "NetworkModuleFactory")).as("Paho's transports, renamed with it").isNotNull();
        }
        assertThat(classes).isNotEmpty().allSatisfy(c -> assertThat(c).startsWith("dev/livetools/samples/home/"));
        assertThat(classes).anySatisfy(c -> assertThat(c).startsWith("dev/livetools/samples/home/shaded/jackson/"))
                .anySatisfy(c -> assertThat(c).startsWith("dev/livetools/samples/home/shaded/paho/"));
    }

    @Test
    void theToolClassLoadsFromThePluginAndDeclaresItsTools() throws Exception {
        Class<?> tools = plugin.loadClass("dev.livetools.samples.home.HomeTools");

        assertThat(tools.getClassLoader()).isSameAs(plugin);
        Map<String, Behavior> declared = new TreeMap<>();
        for (Method m : tools.getMethods()) {
            LiveTool t = m.getAnnotation(LiveTool.class);
            if (t != null) {
                declared.put(t.name().isEmpty() ? m.getName() : t.name(), t.behavior());
            }
        }
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of("listDevices", Behavior.BLOCKING,
                "homeStatus", Behavior.BLOCKING, "setLight", Behavior.BLOCKING, "setThermostat", Behavior.BLOCKING,
                "getTemperature", Behavior.BLOCKING, "setCover", Behavior.BLOCKING, "activateScene",
                Behavior.BLOCKING, "startTimer", Behavior.NON_BLOCKING, "setReminder", Behavior.NON_BLOCKING,
                "cancelTimer", Behavior.BLOCKING));
    }

    @Test
    void theSimulatedHomeWorksFromTheJarAlone() throws Exception {
        Object tools = newTools(Map.of());
        try {
            Map<?, ?> scene = (Map<?, ?>) call(tools, "activateScene", "movie night");
            Map<?, ?> status = (Map<?, ?>) call(tools, "homeStatus");

            assertThat(scene.get("summary")).asString().startsWith("Movie night is set: living room ceiling light off");
            assertThat(status.get("summary")).asString().startsWith("1 of 7 lights on: floor lamp on at 20%, orange.");
        } finally {
            ((AutoCloseable) tools).close();
        }
    }

    @Test
    void errorsReachTheHostAsTheSdksToolException() throws Exception {
        Object tools = newTools(Map.of());
        try {
            assertThatThrownBy(() -> call(tools, "activateScene", "party"))
                    .isInstanceOf(ToolException.class).hasMessageStartingWith("No scene called 'party'.");
        } finally {
            ((AutoCloseable) tools).close();
        }
    }

    @Test
    void stateIsSavedThroughTheRelocatedJackson() throws Exception {
        Path state = dir.resolve("state.json");
        Object tools = newTools(Map.of("livetools.home.state", state.toString()));
        try {
            call(tools, "setLight", "floor lamp", null, 42, null, null);
        } finally {
            ((AutoCloseable) tools).close();
        }

        assertThat(new ObjectMapper().readTree(state.toFile()).at("/devices/floor_lamp/brightness").asInt())
                .isEqualTo(42);
    }

    @Test
    void realDevicesAnswerThroughTheRelocatedPaho() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.startOrSkip(Files.createDirectories(dir.resolve("broker")));
             FakeZigbee2Mqtt zigbee = new FakeZigbee2Mqtt(broker)) {
            FakeZigbee2Mqtt.Device lamp = zigbee.add("home", "bedside_lamp", "{\"state\":\"OFF\",\"brightness\":254}");
            Object tools = newTools(Map.of("livetools.home.backend", "mqtt", "livetools.home.mqtt.url", broker.url(),
                    "livetools.home.mqtt.baseTopic", "home",
                    "livetools.home.mqtt.username", MosquittoBroker.USER,
                    "livetools.home.mqtt.password", MosquittoBroker.PASSWORD));
            try {
                Map<?, ?> result = (Map<?, ?>) call(tools, "setLight", "bedside lamp", null, 30, null, "blue");

                assertThat(lamp.nextCommand().toString())
                        .isEqualTo("{\"state\":\"ON\",\"brightness\":76,\"color\":{\"hex\":\"#0000ff\"}}");
                assertThat(result.get("summary")).isEqualTo("Bedside lamp on at 30%, blue.");
            } finally {
                ((AutoCloseable) tools).close();
            }
        }
    }

    /** Creates the tools as the host does, through the no-argument constructor, with these system properties. */
    private Object newTools(Map<String, String> properties) throws Exception {
        properties.forEach(System::setProperty);
        try {
            return plugin.loadClass("dev.livetools.samples.home.HomeTools").getConstructor().newInstance();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private static Object call(Object tools, String name, Object... args) throws Exception {
        Method m = Arrays.stream(tools.getClass().getMethods())
                .filter(x -> x.getName().equals(name) && x.getParameterCount() == args.length).findFirst()
                .orElseThrow(() -> new AssertionError("no tool method " + name + "/" + args.length));
        try {
            return m.invoke(tools, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** What a host shows its plugins: the SDK and Jakarta Validation from the host, the JDK, nothing else. */
    private static final class HostApiOnly extends ClassLoader {
        private final ClassLoader host;

        HostApiOnly(ClassLoader host) {
            super("host-api", ClassLoader.getPlatformClassLoader());
            this.host = host;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("dev.livetools.sdk.") || name.startsWith("jakarta.validation.")) {
                return host.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return null;
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) {
            return Collections.emptyEnumeration();
        }
    }
}
