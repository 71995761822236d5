package dev.livetools.catalog;

import dev.livetools.sdk.LiveTool;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads the tools of plugin jars: every {@code *.jar} directly in a plugin folder, each in its own class loader whose
 * parent is the {@link SharedApiClassLoader}, so plugins see neither the host's libraries nor each other.
 */
final class PluginJars {

    private static final SharedApiClassLoader SHARED = new SharedApiClassLoader(PluginJars.class.getClassLoader());

    private PluginJars() {
    }

    /** The jars of a plugin folder, by file name so that discovery and its messages are in a stable order. */
    static List<Path> jarsIn(Path folder, List<String> problems) {
        if (!Files.isDirectory(folder)) {
            problems.add("plugin folder " + folder + " does not exist or is not a directory");
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add("plugin folder " + folder + " cannot be listed: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Opens one plugin jar and introspects its tool classes.
     *
     * @param resources receives the jar's class loader, to be closed with the catalog
     */
    static void load(Path jar, ToolIntrospector introspector, List<MethodTool> out, List<String> problems,
                     List<AutoCloseable> resources) {
        String origin = jar.toString();
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // Opened only to reject a corrupt file with a clear message before ClassGraph quietly skips it.
        } catch (IOException e) {
            problems.add("plugin " + origin + " is not a readable jar: " + e.getMessage());
            return;
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, SHARED);
        } catch (MalformedURLException e) {
            problems.add("plugin " + origin + ": " + e.getMessage());
            return;
        }
        resources.add(loader);
        // A plugin's code expects its own loader as the context class loader (ServiceLoader, Jackson modules), also
        // in the constructors and static initializers discovery runs.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (String className : toolClassNames(jar)) {
                try {
                    Class<?> type = Class.forName(className, false, loader);
                    introspector.introspect(type, origin, out, problems);
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add("plugin " + origin + ": " + className + " cannot be loaded: " + linkageMessage(e));
                }
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> toolClassNames(Path jar) {
        try (ScanResult scan = new ClassGraph().overrideClasspath(jar.toString()).enableClassInfo()
                .enableMethodInfo().enableAnnotationInfo().ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            return new ArrayList<>(scan.getClassesWithMethodAnnotation(LiveTool.class.getName()).getNames());
        }
    }

    private static String linkageMessage(Throwable e) {
        if (e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException) {
            String missing = String.valueOf(e.getMessage()).replace('/', '.');
            return "it needs " + missing + ", which plugins do not share with the host (a plugin sees only "
                    + "dev.livetools.sdk, jakarta.validation and the JDK); bundle it into the plugin jar";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
