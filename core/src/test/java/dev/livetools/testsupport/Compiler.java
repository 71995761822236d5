package dev.livetools.testsupport;

import dev.livetools.sdk.LiveTool;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles Java source text during a test and jars the result, to build plugin jars (and classes compiled without
 * {@code -parameters}) exactly as a plugin author's build would.
 */
public final class Compiler {

    private Compiler() {
    }

    /**
     * Compiles {@code sources} (class name to source text) against tools-sdk, jakarta.validation and the code
     * sources of {@code alsoOnClasspath}.
     *
     * @param withParameterNames whether to pass {@code -parameters}
     * @return {@code outDir}
     */
    public static Path compile(Path outDir, boolean withParameterNames, Map<String, String> sources,
                               Class<?>... alsoOnClasspath) {
        Set<String> classpath = new LinkedHashSet<>();
        classpath.add(codeSource(LiveTool.class));
        classpath.add(codeSource(NotNull.class));
        for (Class<?> c : alsoOnClasspath) {
            classpath.add(codeSource(c));
        }
        List<String> options = new ArrayList<>(List.of("-d", outDir.toString(), "--release", "17",
                "-classpath", String.join(java.io.File.pathSeparator, classpath), "-proc:none"));
        if (withParameterNames) {
            options.add("-parameters");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!javac.getTask(diagnostics, null, null, options, null, units).call()) {
            throw new AssertionError("test source did not compile:\n" + diagnostics);
        }
        return outDir;
    }

    /** Jars every file under {@code classesDir} into {@code jarFile}. */
    public static Path jar(Path classesDir, Path jarFile) {
        try (OutputStream out = Files.newOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(classesDir.relativize(f).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(f));
                jar.closeEntry();
            }
            return jarFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles {@code sources} with {@code -parameters} and jars them into {@code jarFile}: a plugin jar.
     *
     * @param workDir where the class files go (outside any plugin folder)
     */
    public static Path pluginJar(Path workDir, Path jarFile, Map<String, String> sources,
                                 Class<?>... alsoOnClasspath) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(jarFile.getParent());
            Path classes = Files.createTempDirectory(workDir, "classes-");
            return jar(compile(classes, true, sources, alsoOnClasspath), jarFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
