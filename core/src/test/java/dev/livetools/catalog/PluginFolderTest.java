package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTest {

    private static final String GARDEN = """
            package acme.garden;
            import dev.livetools.sdk.LiveTool;
            import dev.livetools.sdk.Param;
            import jakarta.validation.constraints.Max;
            import jakarta.validation.constraints.Min;
            public class GardenTools {
                private int runs;
                @LiveTool(description = "Water a bed for some minutes")
                public String water(@Param(description = "Bed name") String bed, @Min(1) @Max(60) int minutes) {
                    runs++;
                    return bed + " for " + minutes + " min, run " + runs;
                }
                @LiveTool(description = "Is it raining?")
                public static boolean raining() {
                    return false;
                }
            }
            """;

    /** Reports what a plugin can see of the host at run time. */
    private static final String PROBE = """
            package acme.probe;
            import dev.livetools.sdk.LiveTool;
            public class Probe {
                @LiveTool(description = "Whether a class is visible to this plugin")
                public static boolean canSee(String className) {
                    try {
                        Class.forName(className, false, Probe.class.getClassLoader());
                        return true;
                    } catch (ClassNotFoundException e) {
                        return false;
                    }
                }
            }
            """;

    @TempDir
    Path tmp;

    private Path plugins() throws Exception {
        return Files.createDirectories(tmp.resolve("plugins"));
    }

    private Path jar(String name, Map<String, String> sources, Class<?>... alsoOnClasspath) throws Exception {
        return Compiler.pluginJar(tmp.resolve("work"), plugins().resolve(name), sources, alsoOnClasspath);
    }

    @Test
    void toolsOfAJarBuiltDuringTheTestAreDiscoveredFromTheFolderAndCallable() throws Exception {
        Path jar = jar("garden.jar", Map.of("acme.garden.GardenTools", GARDEN));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins()).build()) {
            assertThat(catalog.names()).containsExactly("raining", "water");
            ToolDescriptor water = catalog.descriptor("water").orElseThrow();
            assertThat(water.origin()).isEqualTo(jar.toString());
            assertThat(water.declaration().parameters().properties().get("minutes").maximum()).isEqualByComparingTo("60");
            assertThat(water.method().getDeclaringClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
            assertThat(water.method().invoke(water.target(), "roses", 5)).isEqualTo("roses for 5 min, run 1");
            assertThat(catalog.descriptor("raining").orElseThrow().method().invoke(null)).isEqualTo(false);
        }
    }

    @Test
    void instanceToolsOfOneClassShareOneInstancePerCatalog() throws Exception {
        jar("garden.jar", Map.of("acme.garden.GardenTools", GARDEN));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins()).build()) {
            ToolDescriptor water = catalog.descriptor("water").orElseThrow();
            water.method().invoke(water.target(), "roses", 5);
            assertThat(water.method().invoke(water.target(), "tulips", 3)).isEqualTo("tulips for 3 min, run 2");
        }
    }

    @Test
    void aPluginSeesTheSdkValidationAndTheJdkButNotTheHostsJacksonOrCore() throws Exception {
        jar("probe.jar", Map.of("acme.probe.Probe", PROBE));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins()).build()) {
            ToolDescriptor canSee = catalog.descriptor("canSee").orElseThrow();
            assertThat(canSee.method().invoke(null, "dev.livetools.sdk.ToolContext")).isEqualTo(true);
            assertThat(canSee.method().invoke(null, "jakarta.validation.constraints.Min")).isEqualTo(true);
            assertThat(canSee.method().invoke(null, "java.sql.Timestamp")).isEqualTo(true);
            assertThat(canSee.method().invoke(null, ObjectMapper.class.getName())).isEqualTo(false);
            assertThat(canSee.method().invoke(null, ToolCatalog.class.getName())).isEqualTo(false);
            assertThat(canSee.method().invoke(null, "io.github.classgraph.ClassGraph")).isEqualTo(false);
        }
    }

    @Test
    void aPluginCompiledAgainstTheHostsJacksonFailsNamingTheJarClassAndMissingType() throws Exception {
        Path jar = jar("json.jar", Map.of("acme.json.JsonTools", """
                package acme.json;
                import com.fasterxml.jackson.databind.ObjectMapper;
                import dev.livetools.sdk.LiveTool;
                public class JsonTools {
                    private final ObjectMapper mapper = new ObjectMapper();
                    @LiveTool public String echo(String text) throws Exception {
                        return mapper.writeValueAsString(text);
                    }
                }
                """), ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class);
        assertThatThrownBy(() -> ToolCatalog.builder().addPluginFolder(plugins()).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessage("plugin " + jar + " needs class com.fasterxml.jackson.databind.ObjectMapper (used by "
                        + "JsonTools); bundle it into the plugin jar (see docs/plugins.md)");
    }

    @Test
    void theSameToolNameInTwoJarsFailsNamingBothJars() throws Exception {
        Path first = jar("a-lights.jar", Map.of("acme.a.Lights", """
                package acme.a;
                public class Lights {
                    @dev.livetools.sdk.LiveTool(name = "lights_on") public static void on() { }
                }
                """));
        Path second = jar("b-lamps.jar", Map.of("acme.b.Lamps", """
                package acme.b;
                public class Lamps {
                    @dev.livetools.sdk.LiveTool(name = "lights_on") public static void on() { }
                }
                """));
        assertThatThrownBy(() -> ToolCatalog.builder().addPluginFolder(plugins()).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessage("duplicate tool name 'lights_on': Lights.on() (" + first + ") and Lamps.on() (" + second + ")"
                        + "; give one of them another name with @LiveTool(name = \"...\")");
    }

    @Test
    void twoJarsMayContainTheSameClassNameBecauseEachHasItsOwnLoader() throws Exception {
        jar("one.jar", Map.of("acme.Tools", """
                package acme;
                public class Tools { @dev.livetools.sdk.LiveTool public static String one() { return "1"; } }
                """));
        jar("two.jar", Map.of("acme.Tools", """
                package acme;
                public class Tools { @dev.livetools.sdk.LiveTool public static String two() { return "2"; } }
                """));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins()).build()) {
            assertThat(catalog.descriptor("one").orElseThrow().method().invoke(null)).isEqualTo("1");
            assertThat(catalog.descriptor("two").orElseThrow().method().invoke(null)).isEqualTo("2");
        }
    }

    @Test
    void aPluginToolWithAnInvalidDeclarationFailsNamingTheJarsMethod() throws Exception {
        Path jar = jar("bad.jar", Map.of("acme.Bad", """
                package acme;
                public class Bad { @dev.livetools.sdk.LiveTool public static void put(Object anything) { } }
                """));
        assertThatThrownBy(() -> ToolCatalog.builder().addPluginFolder(plugins()).build())
                .hasMessageStartingWith("plugin " + jar + ": Bad.put(Object): parameter 'anything': java.lang.Object "
                        + "says nothing");
    }

    @Test
    void closingTheCatalogReleasesThePluginJars() throws Exception {
        jar("garden.jar", Map.of("acme.garden.GardenTools", GARDEN));
        ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins()).build();
        ClassLoader loader = catalog.descriptor("water").orElseThrow().method().getDeclaringClass().getClassLoader();
        assertThat(loader.getResource("acme/garden/GardenTools.class")).isNotNull();
        catalog.close();
        assertThat(loader.getResource("acme/garden/GardenTools.class")).isNull();
    }

    @Test
    void aMissingPluginFolderFailsNamingIt() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> ToolCatalog.builder().addPluginFolder(missing).build())
                .isInstanceOf(ToolDiscoveryException.class)
                .hasMessage("plugin folder " + missing + " does not exist or is not a directory");
    }

    @Test
    void aFileThatIsNotAJarFailsNamingIt() throws Exception {
        Path broken = Files.writeString(plugins().resolve("broken.jar"), "not a zip");
        assertThatThrownBy(() -> ToolCatalog.builder().addPluginFolder(plugins()).build())
                .hasMessageStartingWith("plugin " + broken + " is not a readable jar");
    }
}
