package dev.livetools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package named {@code internal} in the libraries says in its package-info that it is not API, so a user who
 * lands on one of its public types (public only for use across LiveTools' own packages) reads that first; and no
 * public type outside them hands an internal type to a user, so the API can be used without touching one.
 */
class InternalPackagesTest {

    /** The repository root: surefire runs each module's tests in the module's folder. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyInternalPackageHasAPackageInfoSayingItIsNotApi() throws IOException {
        List<Path> internals = internalPackages();
        assertThat(internals).as("internal packages found under %s", ROOT).isNotEmpty();
        for (Path dir : internals) {
            Path info = dir.resolve("package-info.java");
            assertThat(info).as("%s needs a package-info.java marking it internal", ROOT.relativize(dir)).exists();
            assertThat(Files.readString(info, StandardCharsets.UTF_8))
                    .as(ROOT.relativize(info).toString())
                    .contains("Internal, not API");
        }
    }

    @Test
    void noPublicApiSignatureMentionsAnInternalType() {
        List<String> leaks = new ArrayList<>();
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages("dev.livetools")
                .rejectPackages("dev.livetools.samples").scan()) {
            List<ClassInfo> api = scan.getAllClasses().stream()
                    .filter(c -> c.isPublic() && !c.getPackageName().contains(".internal"))
                    .filter(c -> !isTestCode(c.getClasspathElementFile().getPath()))
                    .toList();
            assertThat(api).as("public API classes found").hasSizeGreaterThan(50);
            for (ClassInfo info : api) {
                Class<?> type = info.loadClass();
                for (Type used : signatureTypes(type)) {
                    if (used.getTypeName().contains(".internal.")) {
                        leaks.add(type.getName() + " exposes " + used.getTypeName());
                    }
                }
            }
        }
        assertThat(leaks).as("public API that hands out internal types (make them API, or hide them)").isEmpty();
    }

    /** A class that would fail the check above, were it API. */
    public static final class Leaky {
        public dev.livetools.protocol.internal.Json codec() {
            return null;
        }
    }

    @Test
    void theCheckSeesAnInternalTypeInAPublicSignature() {
        assertThat(signatureTypes(Leaky.class)).extracting(Type::getTypeName)
                .contains("dev.livetools.protocol.internal.Json");
    }

    /** The types a user meets through {@code type}: supertypes and public or protected members' signatures. */
    private static List<Type> signatureTypes(Class<?> type) {
        List<Type> types = new ArrayList<>();
        if (type.getGenericSuperclass() != null) {
            types.add(type.getGenericSuperclass());
        }
        types.addAll(Arrays.asList(type.getGenericInterfaces()));
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic()) {
                types.add(m.getGenericReturnType());
                types.addAll(Arrays.asList(m.getGenericParameterTypes()));
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers())) {
                types.addAll(Arrays.asList(c.getGenericParameterTypes()));
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                types.add(f.getGenericType());
            }
        }
        return types;
    }

    private static boolean isTestCode(String classpathElement) {
        return classpathElement.contains("test-classes") || classpathElement.endsWith("-tests.jar");
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    @Test
    void theToolsSdkHasNoInternalPackage() throws IOException {
        assertThat(internalPackages()).noneMatch(dir -> ROOT.relativize(dir).startsWith("tools-sdk"));
    }

    private static List<Path> internalPackages() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            List<Path> sources = modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
            List<Path> found = new java.util.ArrayList<>();
            for (Path source : sources) {
                try (Stream<Path> dirs = Files.walk(source)) {
                    dirs.filter(Files::isDirectory)
                            .filter(d -> d.getFileName().toString().equals("internal"))
                            .forEach(d -> {
                                // A package with only sub-packages (dev.livetools.internal) has nothing to mark.
                                if (hasJavaFiles(d)) {
                                    found.add(d);
                                }
                                subPackagesOf(d).forEach(found::add);
                            });
                }
            }
            return found.stream().distinct().sorted().toList();
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && Files.isRegularFile(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<Path> subPackagesOf(Path dir) {
        try (Stream<Path> dirs = Files.walk(dir)) {
            return dirs.filter(d -> !d.equals(dir) && Files.isDirectory(d) && hasJavaFiles(d)).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
