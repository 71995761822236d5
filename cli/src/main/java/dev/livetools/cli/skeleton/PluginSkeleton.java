package dev.livetools.cli.skeleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * A plugin project users start from: a Maven build against the LiveTools BOM (tools-sdk provided, testkit for tests,
 * {@code -parameters}, a shaded plugin jar), one tool class and its emulator test. The names are checked here so the
 * project always compiles: a bad package or class name is refused before anything is written.
 */
public record PluginSkeleton(String groupId, String artifactId, String packageName, String className) {

    private static final Pattern MAVEN_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final String TEMPLATES = "/dev/livetools/cli/skeleton/plugin/";

    public PluginSkeleton {
        requireMavenId("group id", groupId);
        requireMavenId("artifact id", artifactId);
        if (!SourceVersion.isName(packageName) || packageName.startsWith("java.")) {
            throw new IllegalArgumentException("package '" + packageName + "' is not a Java package name "
                    + "(dot-separated identifiers, no keywords), e.g. com.example.tools");
        }
        if (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)
                || !Character.isUpperCase(className.charAt(0))) {
            throw new IllegalArgumentException("class name '" + className + "' is not a Java class name starting "
                    + "with a capital letter, e.g. HomeTools");
        }
    }

    private static void requireMavenId(String what, String value) {
        if (value == null || !MAVEN_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' may only use letters, digits, '.', '-' and"
                    + " '_'");
        }
    }

    /** The LiveTools version the generated project depends on: this build's own. */
    public static String livetoolsVersion() {
        return versions().getProperty("livetools.version");
    }

    /**
     * Writes the project into {@code dir}, which must not exist or be empty.
     *
     * @return the files written, relative to {@code dir}
     */
    public List<Path> writeTo(Path dir) throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || !isEmpty(dir))) {
            throw new IllegalArgumentException(dir + " already exists and is not an empty folder; choose a new one");
        }
        Path sources = Path.of(packageName.replace('.', '/'));
        Map<Path, String> files = Map.of(
                Path.of("pom.xml"), "pom.xml.template",
                Path.of("README.md"), "README.md.template",
                Path.of("src/main/java").resolve(sources).resolve(className + ".java"), "Tools.java.template",
                Path.of("src/test/java").resolve(sources).resolve(className + "Test.java"), "ToolsTest.java.template");
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(template(file.getValue())), StandardCharsets.UTF_8);
            written.add(file.getKey());
        }
        written.sort(null);
        return written;
    }

    private String fill(String template) {
        Properties versions = versions();
        Map<String, String> values = Map.of(
                "groupId", groupId,
                "artifactId", artifactId,
                "package", packageName,
                "className", className,
                "livetoolsVersion", versions.getProperty("livetools.version"),
                "junitVersion", versions.getProperty("junit.version"));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("skeleton template uses unknown placeholder " + m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String template(String name) {
        try (InputStream in = PluginSkeleton.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("skeleton template " + name + " is missing from the livetools jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties versions() {
        Properties p = new Properties();
        try (InputStream in = PluginSkeleton.class.getResourceAsStream("versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("versions.properties is missing from the livetools jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
