package dev.livetools.catalog;

import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.Tool;
import dev.livetools.tool.HostedTool;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.TreeMap;

/**
 * The tools a host offers, each resolved once when the catalog is built: {@code @LiveTool} methods (found on the
 * classpath, in plugin jars, on given classes or ready-made instances) and tools built in code. Every discovery
 * problem is raised by {@link Builder#build()}; a dispatcher runs what the catalog accepted, as it is. Tools are kept
 * in name order so that the declarations, and the {@code setup} message, are byte-stable.
 *
 * <pre>{@code
 * try (ToolCatalog catalog = ToolCatalog.builder()
 *         .scanClasspath("com.acme.tools")          // classes on the application classpath
 *         .addPluginFolder(Path.of("plugins"))      // every jar in the folder, each in its own class loader
 *         .addInstances(new HomeTools(lights))      // ready-made tool objects
 *         .build()) {                               // fails fast, listing every problem found
 *     Setup setup = Setup.builder("models/gemini-3.8-live").functionDeclarations(catalog.declarations()).build();
 * }
 * }</pre>
 *
 * <p>Close the catalog to release plugin class loaders.
 */
public final class ToolCatalog implements AutoCloseable {

    private final Map<String, HostedTool> byName;
    private final List<AutoCloseable> resources;
    private final ValidationPlan.Choice validator;
    private final List<String> searched;
    private volatile CompletableFuture<Void> warmUp;

    private ToolCatalog(Map<String, HostedTool> byName, List<AutoCloseable> resources,
                        ValidationPlan.Choice validator, List<String> searched) {
        this.byName = Collections.unmodifiableMap(byName);
        this.searched = searched;
        this.resources = List.copyOf(resources);
        this.validator = validator;
    }

    /** A builder; add classes, instances, tools, classpath packages or plugin folders, then {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every tool, in name order. */
    public List<HostedTool> tools() {
        return List.copyOf(byName.values());
    }

    /** The tool with this function name. */
    public Optional<HostedTool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The {@code @LiveTool} method behind this function name; empty for unknown names and tools built in code. */
    public Optional<ToolDescriptor> descriptor(String name) {
        return byName.get(name) instanceof MethodTool m ? Optional.of(m.descriptor()) : Optional.empty();
    }

    /**
     * Where discovery looked and what it found there, one line per classpath scan, plugin folder without jars and
     * plugin jar: e.g. {@code plugin plugins/lamp.jar: 3 classes, none with @LiveTool methods}. Says why a catalog is
     * empty.
     */
    public List<String> searched() {
        return searched;
    }

    /** Every tool name, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The declarations for {@code setup.tools[0].functionDeclarations}, in name order. */
    public List<FunctionDeclaration> declarations() {
        return byName.values().stream().map(HostedTool::declaration).toList();
    }

    /** The {@code setup.tools} entry declaring every tool, or empty when there are none. */
    public Optional<Tool> tool() {
        return byName.isEmpty() ? Optional.empty() : Optional.of(new Tool(declarations()));
    }

    /**
     * Starts, once per catalog, the background warm-up of its {@code @LiveTool} methods (see {@code docs/dispatch.md}):
     * Jackson serializers of their result types and the validator's constraint validators and messages. Never runs a
     * tool or a custom constraint validator. A dispatcher starts it when built.
     *
     * @return completes when the warm-up is over, normally even if some of it failed
     */
    public CompletableFuture<Void> warmUp() {
        CompletableFuture<Void> w = warmUp;
        if (w == null) {
            synchronized (this) {
                w = warmUp;
                if (w == null) {
                    List<MethodTool> methods = new ArrayList<>();
                    for (HostedTool t : byName.values()) {
                        if (t instanceof MethodTool m) {
                            methods.add(m);
                        }
                    }
                    w = WarmUp.start(methods, validator);
                    warmUp = w;
                }
            }
        }
        return w;
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
        private final List<Object> instances = new ArrayList<>();
        private final List<HostedTool> codeTools = new ArrayList<>();
        private Validator validator;
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
         * Adds the {@code @LiveTool} methods of ready-made objects: instance methods are called on these very objects
         * (no {@link InstanceFactory} is asked), e.g. tools wired by hand or by a DI container.
         */
        public Builder addInstances(Object... toolObjects) {
            for (Object o : toolObjects) {
                Objects.requireNonNull(o, "toolObject");
                if (o instanceof Class<?> c) {
                    throw new IllegalArgumentException(c.getName() + " is a class; use addClasses for classes");
                }
                if (o instanceof HostedTool t) {
                    throw new IllegalArgumentException(t.signature() + " is a HostedTool; use addTools for it");
                }
                instances.add(o);
            }
            return this;
        }

        /** Adds tools built in code (or bridged from elsewhere); their names must not clash with any other tool's. */
        public Builder addTools(HostedTool... tools) {
            for (HostedTool t : tools) {
                codeTools.add(Objects.requireNonNull(t, "tool"));
            }
            return this;
        }

        /**
         * The Jakarta validator to check arguments with, e.g. one whose constraint validators come from a DI
         * container. Default: one Hibernate Validator shared by the JVM, bootstrapped only when some tool declares a
         * constraint.
         */
        public Builder validator(Validator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
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
         * Builds the catalog: finds, loads and resolves every tool once (declaration, binders, validation plan,
         * invoker), so that whatever would fail a call for reasons of the tool's making fails here.
         *
         * @throws ToolDiscoveryException listing every problem found, each naming the class, method, parameter or
         *         jar at fault
         */
        public ToolCatalog build() {
            ValidationPlan.Choice choice = new ValidationPlan.Choice(validator);
            ToolIntrospector introspector = new ToolIntrospector(instanceFactory, choice);
            List<MethodTool> methods = new ArrayList<>();
            Problems problems = new Problems();
            List<AutoCloseable> resources = new ArrayList<>();
            Set<Class<?>> classpathClasses = new LinkedHashSet<>(classes);
            if (scanClasspath) {
                classpathClasses.addAll(ClasspathScanner.toolClasses(scanPackages, problems));
            }
            for (Class<?> c : classpathClasses) {
                try {
                    introspector.introspect(c, "classpath", methods, problems);
                } catch (LinkageError e) {
                    problems.add(MethodNames.className(c) + " (classpath) cannot be loaded: " + e);
                }
            }
            for (Object instance : instances) {
                introspector.introspectInstance(instance, "classpath", methods, problems);
            }
            List<Path> jars = new ArrayList<>();
            for (Path folder : pluginFolders) {
                jars.addAll(PluginJars.jarsIn(folder, problems));
            }
            jars.addAll(pluginJars);
            for (Path jar : jars) {
                PluginJars.load(jar, introspector, methods, problems, resources);
            }
            List<HostedTool> tools = new ArrayList<>(methods);
            tools.addAll(codeTools);
            Map<String, HostedTool> byName = byName(tools, problems);
            if (!problems.isEmpty()) {
                closeAll(resources);
                throw problems.toException();
            }
            return new ToolCatalog(byName, resources, choice, problems.searched());
        }

        private static String renameHint(HostedTool first, HostedTool second) {
            boolean overloads = first instanceof MethodTool a && second instanceof MethodTool b
                    && a.descriptor().method().getDeclaringClass() == b.descriptor().method().getDeclaringClass()
                    && a.descriptor().method().getName().equals(b.descriptor().method().getName());
            if (overloads) {
                return "; overloads need names of their own: give each @LiveTool(name = \"...\")";
            }
            if (first instanceof MethodTool || second instanceof MethodTool) {
                return "; give one of them another name with @LiveTool(name = \"...\")";
            }
            return "; tool names must be unique";
        }

        private static Map<String, HostedTool> byName(List<HostedTool> tools, Problems problems) {
            Map<String, HostedTool> seen = new TreeMap<>();
            for (HostedTool t : tools) {
                String name = t.declaration().name();
                HostedTool first = seen.putIfAbsent(name, t);
                if (first != null) {
                    problems.add("duplicate tool name '" + name + "': " + first.signature() + " (" + first.origin()
                            + ") and " + t.signature() + " (" + t.origin() + ")" + renameHint(first, t));
                }
            }
            return seen;
        }
    }
}
