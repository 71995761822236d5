package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.testsupport.Compiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin finds when it reads resources through its own class loader: its jar's resources, the tools SDK's and
 * Jakarta Validation's from the host, and the JDK's; none of the host's other resources (its classes, libraries,
 * configuration files, service-provider files), just as it cannot load the host's classes.
 */
@Timeout(30)
class PluginResourceIsolationTest {

    /** Reports what a plugin can read at run time, through its own class loader. */
    private static final String PROBE = """
            package acme.probe;
            import dev.livetools.sdk.LiveTool;
            import java.util.Collections;
            public class Resources {
                @LiveTool(description = "Whether a resource is visible to this plugin")
                public static boolean canRead(String resource) {
                    return Resources.class.getClassLoader().getResource(resource) != null;
                }
                @LiveTool(description = "How many copies of a resource this plugin can list")
                public static int copies(String resource) throws java.io.IOException {
                    return Collections.list(Resources.class.getClassLoader().getResources(resource)).size();
                }
            }
            """;

    @TempDir
    Path tmp;

    private ToolCatalog catalogWithProbe() throws Exception {
        Path classes = Compiler.compile(tmp.resolve("classes"), true, Map.of("acme.probe.Resources", PROBE));
        Files.writeString(Files.createDirectories(classes.resolve("acme/probe")).resolve("greetings.properties"),
                "hello=Hello\n");
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        Compiler.jar(classes, plugins.resolve("probe.jar"));
        return ToolCatalog.builder().addPluginFolder(plugins).build();
    }

    private static boolean canRead(ToolCatalog catalog, String resource) throws Exception {
        ToolDescriptor tool = catalog.descriptor("canRead").orElseThrow();
        return (boolean) tool.method().invoke(null, resource);
    }

    private static int copies(ToolCatalog catalog, String resource) throws Exception {
        ToolDescriptor tool = catalog.descriptor("copies").orElseThrow();
        return (int) tool.method().invoke(null, resource);
    }

    @Test
    void aPluginReadsItsOwnResources() throws Exception {
        try (ToolCatalog catalog = catalogWithProbe()) {
            assertThat(canRead(catalog, "acme/probe/greetings.properties")).isTrue();
            assertThat(copies(catalog, "acme/probe/greetings.properties")).isEqualTo(1);
        }
    }

    @Test
    void aPluginReadsTheSdkAndValidationApiResourcesOfTheHost() throws Exception {
        try (ToolCatalog catalog = catalogWithProbe()) {
            assertThat(canRead(catalog, "dev/livetools/sdk/LiveTool.class")).isTrue();
            assertThat(copies(catalog, "dev/livetools/sdk/LiveTool.class")).isEqualTo(1);
            assertThat(canRead(catalog, "jakarta/validation/constraints/Min.class")).isTrue();
            assertThat(copies(catalog, "jakarta/validation/constraints/Min.class")).isEqualTo(1);
        }
    }

    @Test
    void aPluginReadsTheJdksResources() throws Exception {
        try (ToolCatalog catalog = catalogWithProbe()) {
            assertThat(canRead(catalog, "java/sql/Timestamp.class")).isTrue();
        }
    }

    @Test
    void aPluginCannotReadTheHostsOtherResources() throws Exception {
        // Sanity: each of these is there for the host.
        ClassLoader host = getClass().getClassLoader();
        String[] hostOnly = {"dev/livetools/catalog/ToolCatalog.class",
                "com/fasterxml/jackson/databind/ObjectMapper.class", "live-samples/close-frames-observed.json"};
        for (String resource : hostOnly) {
            assertThat(host.getResource(resource)).as(resource).isNotNull();
        }

        try (ToolCatalog catalog = catalogWithProbe()) {
            for (String resource : hostOnly) {
                assertThat(canRead(catalog, resource)).as(resource).isFalse();
                assertThat(copies(catalog, resource)).as(resource).isZero();
            }
        }
    }

    @Test
    void aPluginDoesNotSeeTheHostsServiceProviderFiles() throws Exception {
        // Hibernate Validator's provider file is the host's; a plugin's ServiceLoader finding it could not load the
        // provider class, which the plugin cannot see.
        String providers = "META-INF/services/jakarta.validation.spi.ValidationProvider";
        assertThat(getClass().getClassLoader().getResource(providers)).isNotNull();

        try (ToolCatalog catalog = catalogWithProbe()) {
            assertThat(canRead(catalog, providers)).isFalse();
            assertThat(copies(catalog, providers)).isZero();
        }
    }
}
