package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livetools.sdk.LiveTool;
import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery messages a new user can act on (issue 10 frictions 10, 11, 14). */
class DiscoveryMessagesTest {

    @TempDir
    Path tmp;

    private static ToolDiscoveryException failure(ToolCatalog.Builder builder) {
        try (ToolCatalog ignored = builder.build()) {
            throw new AssertionError("expected a discovery failure");
        } catch (ToolDiscoveryException e) {
            return e;
        }
    }

    public static final class ThrowingConstructor {
        public ThrowingConstructor() {
            throw new IllegalStateException("no home description at /etc/home.json");
        }

        @LiveTool
        public String status() {
            return "ok";
        }
    }

    @Test
    void aConstructorThatThrowsIsReportedWithItsExceptionAsTheCause() {
        ToolDiscoveryException e = failure(ToolCatalog.builder().addClasses(ThrowingConstructor.class));
        assertThat(e.getMessage()).isEqualTo("ThrowingConstructor: its constructor threw "
                + "java.lang.IllegalStateException: no home description at /etc/home.json");
        assertThat(e.getMessage()).doesNotContain("add a public no-argument constructor");
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class)
                .hasMessage("no home description at /etc/home.json");
    }

    public static final class ThrowingStaticInitializer {
        static final String NAME = load();

        static String load() {
            throw new IllegalArgumentException("LAMP_HOST is not set");
        }

        @LiveTool
        public static String lamp() {
            return NAME;
        }
    }

    @Test
    void aStaticInitializerThatThrowsIsReportedAtDiscoveryWithItsCauseNotAsExceptionInInitializerError() {
        ToolDiscoveryException e = failure(ToolCatalog.builder().addClasses(ThrowingStaticInitializer.class));
        assertThat(e.getMessage()).isEqualTo("ThrowingStaticInitializer: its static initializer threw "
                + "java.lang.IllegalArgumentException: LAMP_HOST is not set");
        assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("LAMP_HOST is not set");
    }

    public static final class Overloads {
        @LiveTool
        public String dim(int level) {
            return "dim " + level;
        }

        @LiveTool
        public String dim(String room, int level) {
            return room + level;
        }
    }

    @Test
    void overloadsSuggestNamingEachWithLiveToolName() {
        assertThat(failure(ToolCatalog.builder().addClasses(Overloads.class)).getMessage()).isEqualTo(
                "duplicate tool name 'dim': Overloads.dim(String,int) (classpath) and Overloads.dim(int) (classpath); "
                        + "overloads need names of their own: give each @LiveTool(name = \"...\")");
    }

    public static final class Kitchen {
        @LiveTool
        public String lights() {
            return "kitchen";
        }
    }

    public static final class Garden {
        @LiveTool
        public String lights() {
            return "garden";
        }
    }

    @Test
    void theSameNameInTwoClassesSuggestsRenamingOne() {
        assertThat(failure(ToolCatalog.builder().addClasses(Kitchen.class, Garden.class)).getMessage())
                .isEqualTo("duplicate tool name 'lights': Kitchen.lights() (classpath) and Garden.lights() (classpath);"
                        + " give one of them another name with @LiveTool(name = \"...\")");
    }

    @Test
    void problemsInAPluginClassNameTheJar() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("bad.jar"), Map.of("acme.Bad", """
                package acme;
                public class Bad { @dev.livetools.sdk.LiveTool public static void put(Object anything) { } }
                """));
        assertThat(failure(ToolCatalog.builder().addPluginFolder(plugins)).getMessage())
                .startsWith("plugin " + jar + ": Bad.put(Object): parameter 'anything'");
    }

    @Test
    void aDependencyUsedOnlyInsideAToolMethodAndNotBundledIsFoundAtLoad() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("json.jar"), Map.of("acme.JsonTools", """
                package acme;
                import dev.livetools.sdk.LiveTool;
                public class JsonTools {
                    @LiveTool public static String echo(String text) throws Exception {
                        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
                    }
                }
                """), ObjectMapper.class, com.fasterxml.jackson.core.JsonFactory.class);
        ToolDiscoveryException e = failure(ToolCatalog.builder().addPluginFolder(plugins));
        assertThat(e.problems()).contains("plugin " + jar + " needs class com.fasterxml.jackson.databind.ObjectMapper "
                + "(used by JsonTools); bundle it into the plugin jar (see docs/plugins.md)");
    }

    @Test
    void aPluginWhoseDependenciesAreBundledLoads() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("ok.jar"), Map.of(
                "acme.Helper", "package acme; public class Helper { static String hi() { return \"hi\"; } }",
                "acme.Tools", """
                        package acme;
                        public class Tools {
                            @dev.livetools.sdk.LiveTool public static String hi() { return Helper.hi(); }
                        }
                        """));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins).build()) {
            assertThat(catalog.names()).containsExactly("hi");
        }
    }

    @Test
    void anEmptyPluginFolderSaysSo() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(plugins.resolve("notes.txt"), "not a jar");
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins).build()) {
            assertThat(catalog.searched()).containsExactly("plugin folder " + plugins
                    + ": no *.jar files in it (it holds notes.txt)");
        }
    }

    @Test
    void aJarWithoutToolsSaysHowManyClassesItHolds() throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = Compiler.pluginJar(tmp.resolve("work"), plugins.resolve("plain.jar"), Map.of(
                "acme.Plain", "package acme; public class Plain { public static void run() { } }"));
        try (ToolCatalog catalog = ToolCatalog.builder().addPluginFolder(plugins).build()) {
            assertThat(catalog.searched()).containsExactly("plugin " + jar + ": 1 class, none with @LiveTool methods "
                    + "(are they annotated with dev.livetools.sdk.LiveTool?)");
        }
    }

    @Test
    void aPackageWithoutClassesSaysThePackageNameMayBeWrong() {
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath("com.nowhere.tools").build()) {
            assertThat(catalog.searched()).containsExactly("classpath package com.nowhere.tools: no classes found "
                    + "(is the package name right?)");
        }
    }

    @Test
    void aClassPassedAsAnInstanceIsRefused() {
        assertThatThrownBy(() -> ToolCatalog.builder().addInstances(String.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
