package dev.livetools.catalog;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every plugin class loader: it shows a plugin the JDK, the tools SDK and Jakarta Validation, and
 * nothing else of the host. A plugin therefore shares the annotation and {@code ToolContext} types with the host (so
 * the host can read them) but never links against the host's Jackson, ClassGraph or LiveTools internals, which it
 * must bundle itself if it needs them; host upgrades then cannot break plugins through a shared library.
 */
final class SharedApiClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Package prefixes a plugin sees from the host, as class names and as resource paths. */
    static final List<String> SHARED_PACKAGES = List.of("dev.livetools.sdk.", "jakarta.validation.");

    private final ClassLoader host;

    SharedApiClassLoader(ClassLoader host) {
        super("livetools-plugin-api", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return host.loadClass(name);
        }
        // The platform loader (our parent) serves the JDK; anything else is not found, by design.
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return isShared(name.replace('/', '.')) ? host.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isShared(name.replace('/', '.')) ? host.getResources(name) : super.getResources(name);
    }

    @Override
    protected URL findResource(String name) {
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        return Collections.emptyEnumeration();
    }

    private static boolean isShared(String name) {
        for (String prefix : SHARED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
