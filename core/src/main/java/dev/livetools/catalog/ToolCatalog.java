package dev.livetools.catalog;

import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tools a host offers: every {@code @LiveTool} method found, each resolved once into a {@link ToolDescriptor}.
 * Tools are kept in name order so that the declarations, and the {@code setup} message, are byte-stable.
 *
 * <pre>{@code
 * try (ToolCatalog catalog = ToolCatalog.builder()
 *         .scanClasspath("com.acme.tools")          // classes on the application classpath
 *         .addPluginFolder(Path.of("plugins"))      // every jar in the folder, each in its own class loader
 *         .build()) {                               // fails fast, listing every problem found
 *     Setup setup = Setup.builder("models/gemini-3.8-live").functionDeclarations(catalog.declarations()).build();
 * }
 * }</pre>
 *
 * <p>Close the catalog to release plugin class loaders.
 */
public final class ToolCatalog implements AutoCloseable {

    private final Map<String, ToolDescriptor> byName;
    private final List<AutoCloseable> resources;

    ToolCatalog(List<ToolDescriptor> tools, List<AutoCloseable> resources) {
        Map<String, ToolDescriptor> map = new TreeMap<>();
        for (ToolDescriptor t : tools) {
            if (map.putIfAbsent(t.name(), t) != null) {
                throw new IllegalArgumentException("duplicate tool name " + t.name());
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        this.resources = List.copyOf(resources);
    }

    /** A builder; add classes, classpath packages or plugin folders, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every tool, in name order. */
    public List<ToolDescriptor> tools() {
        return List.copyOf(byName.values());
    }

    /** The tool with this function name. */
    public Optional<ToolDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every tool name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The declarations for {@code setup.tools[0].functionDeclarations}, in name order. */
    public List<FunctionDeclaration> declarations() {
        return byName.values().stream().map(ToolDescriptor::declaration).toList();
    }

    /** The {@code setup.tools} entry declaring every tool, or empty when there are none. */
    public Optional<Tool> tool() {
        return byName.isEmpty() ? Optional.empty() : Optional.of(new Tool(declarations()));
    }

    /** Releases the plugin class loaders; tools from plugins must not be called afterwards. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception ignored) {
                // Closing a plugin loader only releases jar handles; nothing to recover.
            }
        }
    }

    /** Collects tool sources and builds the catalog, failing fast with every problem found. */
    public static final class Builder {

        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> scanPackages = new ArrayList<>();
        private boolean scanClasspath;
        private final List<Path> pluginFolders = new ArrayList<>();
        private final List<Path> pluginJars = new ArrayList<>();
        private InstanceFactory instanceFactory = type -> type.getConstructor().newInstance();

        private Builder() {
        }

        /** Adds the {@code @LiveTool} methods of these classes. */
        public Builder addClasses(Class<?>... toolClasses) {
            for (Class<?> c : toolClasses) {
                classes.add(Objects.requireNonNull(c, "toolClass"));
            }
            return this;
        }

        /**
         * Adds every class with {@code @LiveTool} methods found on the application classpath in these packages and
         * their sub-packages; with no packages, the whole classpath is scanned (slower on large classpaths).
         * May be called again to add packages.
         */
        public Builder scanClasspath(String... packages) {
            scanClasspath = true;
            for (String p : packages) {
                Objects.requireNonNull(p, "package");
                if (!p.isBlank()) {
                    scanPackages.add(p);
                }
            }
            return this;
        }

        /**
         * Adds the tools of every {@code *.jar} directly inside {@code folder}. Each jar gets its own class loader
         * that shares only {@code dev.livetools.sdk}, {@code jakarta.validation} and the JDK with the host; the
         * loaders are released when the catalog is closed.
         */
        public Builder addPluginFolder(Path folder) {
            pluginFolders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** Adds the tools of one plugin jar, loaded as if it were in a plugin folder. */
        public Builder addPluginJar(Path jar) {
            pluginJars.add(Objects.requireNonNull(jar, "jar"));
            return this;
        }

        /** Uses {@code factory} to create instances of classes with instance tool methods. */
        public Builder instanceFactory(InstanceFactory factory) {
            this.instanceFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Builds the catalog: finds, loads and introspects every source, once.
         *
         * @throws ToolDiscoveryException listing every problem found, each naming the class, method, parameter or
         *         jar at fault
         */
        public ToolCatalog build() {
            ToolIntrospector introspector = new ToolIntrospector(instanceFactory);
            List<ToolDescriptor> tools = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            List<AutoCloseable> resources = new ArrayList<>();
            Set<Class<?>> classpathClasses = new LinkedHashSet<>(classes);
            if (scanClasspath) {
                classpathClasses.addAll(ClasspathScanner.toolClasses(scanPackages, problems));
            }
            for (Class<?> c : classpathClasses) {
                try {
                    introspector.introspect(c, "classpath", tools, problems);
                } catch (LinkageError e) {
                    problems.add(c.getName() + " (classpath) cannot be loaded: " + e);
                }
            }
            List<Path> jars = new ArrayList<>();
            for (Path folder : pluginFolders) {
                jars.addAll(PluginJars.jarsIn(folder, problems));
            }
            jars.addAll(pluginJars);
            for (Path jar : jars) {
                PluginJars.load(jar, introspector, tools, problems, resources);
            }
            checkDuplicates(tools, problems);
            if (!problems.isEmpty()) {
                closeAll(resources);
                throw new ToolDiscoveryException(problems);
            }
            return new ToolCatalog(tools, resources);
        }

        private static void checkDuplicates(List<ToolDescriptor> tools, List<String> problems) {
            Map<String, ToolDescriptor> seen = new TreeMap<>();
            for (ToolDescriptor t : tools) {
                ToolDescriptor first = seen.putIfAbsent(t.name(), t);
                if (first != null) {
                    problems.add("duplicate tool name '" + t.name() + "': " + first.signature() + " (" + first.origin()
                            + ") and " + t.signature() + " (" + t.origin() + ")");
                }
            }
        }
    }
}
