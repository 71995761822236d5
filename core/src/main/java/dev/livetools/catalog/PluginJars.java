package dev.livetools.catalog;

import dev.livetools.sdk.LiveTool;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    static List<Path> jarsIn(Path folder, Problems problems) {
        if (!Files.isDirectory(folder)) {
            problems.add("plugin folder " + folder + " does not exist or is not a directory");
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            List<Path> jars = all.stream()
                    .filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).toList();
            if (jars.isEmpty()) {
                List<String> others = all.stream().map(f -> f.getFileName().toString()).limit(5).toList();
                problems.searched("plugin folder " + folder + ": no *.jar files in it" + (others.isEmpty()
                        ? " (it is empty)" : " (it holds " + String.join(", ", others)
                        + (all.size() > others.size() ? ", ..." : "") + ")"));
            }
            return jars;
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
    static void load(Path jar, ToolIntrospector introspector, List<MethodTool> out, Problems problems,
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
            List<String> toolClasses = toolClassNames(jar, origin, problems);
            for (String className : toolClasses) {
                if (!dependenciesPresent(className, loader, origin, problems)) {
                    continue;
                }
                int before = problems.size();
                String linkage = null;
                try {
                    Class<?> type = Class.forName(className, false, loader);
                    introspector.introspect(type, origin, out, problems);
                } catch (ClassNotFoundException | LinkageError e) {
                    linkage = linkageMessage(origin, className, e);
                }
                // Problems in a plugin's classes name the jar, so the author knows which build to fix.
                problems.prefixSince(before, "plugin " + origin + ": ");
                if (linkage != null) {
                    problems.add(linkage);
                }
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<String> toolClassNames(Path jar, String origin, Problems problems) {
        try (ScanResult scan = new ClassGraph().overrideClasspath(jar.toString()).enableClassInfo()
                .enableMethodInfo().enableAnnotationInfo().ignoreClassVisibility().ignoreMethodVisibility().scan()) {
            List<String> names = new ArrayList<>(scan.getClassesWithMethodAnnotation(LiveTool.class.getName())
                    .getNames());
            int classes = scan.getAllClasses().size();
            problems.searched("plugin " + origin + ": " + classes + " class" + (classes == 1 ? "" : "es")
                    + (names.isEmpty() ? ", none with @LiveTool methods" + (classes == 0 ? "" : " (are they "
                    + "annotated with dev.livetools.sdk.LiveTool?)") : ", " + names.size() + " with @LiveTool methods"));
            return names;
        }
    }

    /**
     * Whether every class the tool class refers to can be loaded by the plugin's loader: what the jar bundles, the
     * tools SDK, Jakarta Validation and the JDK. Read from the class file, so nothing runs; a class only a library
     * inside the jar refers to is that library's business (libraries have optional dependencies on purpose).
     */
    private static boolean dependenciesPresent(String className, URLClassLoader loader, String origin,
                                               Problems problems) {
        Set<String> references;
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return true;
            }
            references = ClassReferences.of(in);
        } catch (IOException e) {
            return true; // loading the class reports what is wrong with it
        }
        boolean complete = true;
        for (String name : references) {
            if (loader.getResource(name.replace('.', '/') + ".class") == null) {
                problems.add("plugin " + origin + " needs class " + name + " (used by "
                        + MethodNames.className(className) + "); bundle it into the plugin jar (see docs/plugins.md)");
                complete = false;
            }
        }
        return complete;
    }

    private static String linkageMessage(String origin, String className, Throwable e) {
        if (e instanceof NoClassDefFoundError || e instanceof ClassNotFoundException) {
            String missing = String.valueOf(e.getMessage()).replace('/', '.');
            return "plugin " + origin + " needs class " + missing + " (used by " + MethodNames.className(className)
                    + "); bundle it into the plugin jar (see docs/plugins.md)";
        }
        return "plugin " + origin + ": " + MethodNames.className(className) + " cannot be loaded: "
                + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
