package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionResponse;
import dev.livetools.protocol.ToolCall;
import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's code runs with the plugin's class loader as the thread context class loader, during discovery (its
 * constructor) and during tool calls, so {@code ServiceLoader} inside a plugin finds the plugin's own providers.
 */
@Timeout(30)
class PluginContextClassLoaderTest {

    private static final Map<String, String> SOURCES = Map.of(
            "acme.greet.Greeter", """
                    package acme.greet;
                    public interface Greeter { String greet(String name); }
                    """,
            "acme.greet.English", """
                    package acme.greet;
                    public class English implements Greeter {
                        public String greet(String name) { return "Hello, " + name; }
                    }
                    """,
            "acme.greet.Greetings", """
                    package acme.greet;
                    import dev.livetools.sdk.LiveTool;
                    import java.util.ServiceLoader;
                    public class Greetings {
                        private final boolean foundAtDiscovery = ServiceLoader.load(Greeter.class).findFirst()
                                .isPresent();
                        @LiveTool public String greet(String name) {
                            return ServiceLoader.load(Greeter.class).findFirst().map(g -> g.greet(name))
                                    .orElse("no greeter found");
                        }
                        @LiveTool public boolean foundAtDiscovery() { return foundAtDiscovery; }
                    }
                    """);

    @TempDir
    Path tmp;

    private Path pluginWithAServiceProvider() throws Exception {
        Path classes = Compiler.compile(tmp.resolve("classes"), true, SOURCES);
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("acme.greet.Greeter"), "acme.greet.English\n");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        return Compiler.jar(classes, plugins.resolve("greet.jar")).getParent();
    }

    private static String call(ToolDispatcher d, String name, String args) throws Exception {
        List<FunctionResponse> answers = new CopyOnWriteArrayList<>();
        d.dispatch(new ToolCall(List.of(new FunctionCall("c-" + name, name,
                        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(args)))),
                r -> answers.addAll(r.functionResponses())).get(10, TimeUnit.SECONDS);
        return answers.get(0).response().get("output").asText();
    }

    @Test
    void serviceLoaderInAToolCallFindsThePluginsOwnProvider() throws Exception {
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(pluginWithAServiceProvider()).build();
             ToolDispatcher d = ToolDispatcher.builder(catalog).build()) {
            assertThat(call(d, "greet", "{\"name\":\"Ada\"}")).isEqualTo("Hello, Ada");
        }
    }

    @Test
    void serviceLoaderInAPluginConstructorAtDiscoveryFindsThePluginsOwnProvider() throws Exception {
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(pluginWithAServiceProvider()).build();
             ToolDispatcher d = ToolDispatcher.builder(catalog).build()) {
            assertThat(call(d, "foundAtDiscovery", "{}")).isEqualTo("true");
        }
    }

    @Test
    void theCallersContextClassLoaderIsRestoredAfterDiscovery() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (ToolCatalog ignored = ToolCatalog.builder().addPluginFolder(pluginWithAServiceProvider()).build()) {
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
        }
    }
}
