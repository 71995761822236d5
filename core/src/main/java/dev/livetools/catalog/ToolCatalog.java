package dev.livetools.catalog;

import dev.livetools.protocol.FunctionDeclaration;
import java.util.ArrayList;
import java.util.Collections;
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

    @Override
    public void close() {
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

        /** Uses {@code factory} to create instances of classes with instance tool methods. */
        public Builder instanceFactory(InstanceFactory factory) {
            this.instanceFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Builds the catalog.
         *
         * @throws ToolDiscoveryException listing every problem found
         */
        public ToolCatalog build() {
            ToolIntrospector introspector = new ToolIntrospector(instanceFactory);
            List<ToolDescriptor> tools = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Class<?> c : classes) {
                introspector.introspect(c, "classpath", tools, problems);
            }
            checkDuplicates(tools, problems);
            if (!problems.isEmpty()) {
                throw new ToolDiscoveryException(problems);
            }
            return new ToolCatalog(tools, List.of());
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
