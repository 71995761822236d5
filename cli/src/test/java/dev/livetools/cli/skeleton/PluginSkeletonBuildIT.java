package dev.livetools.cli.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.cli.LiveToolsCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * What a user does on day one, end to end: {@code livetools new plugin}, then {@code mvn package} of the generated
 * project (its own emulator tests included), then the jar dropped into a plugins folder and listed by
 * {@code livetools tools}.
 *
 * <p>The LiveTools artifacts this build produced are put into a private local repository under {@code target/} in
 * the layout {@code ./mvnw install} gives them (copying the already-built jars; rebuilding the project from inside
 * its own build would double the time). Everything else (Maven plugins, Jackson, JUnit...) is read, never written,
 * from the developer's repository through Maven's {@code maven.repo.local.tail}, offline.
 */
@Tag("maven-build")
@Timeout(240)
class PluginSkeletonBuildIT {

    private static final Path ROOT = Path.of(System.getProperty("livetools.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = PluginSkeleton.livetoolsVersion();

    @Test
    void theGeneratedProjectBuildsOfflineAgainstTheBomAndItsJarLoadsAsAPlugin() throws Exception {
        Path work = ROOT.resolve("cli/target/it-skeleton");
        deleteRecursively(work);
        Path repository = Path.of(System.getProperty("livetools.itRepository",
                ROOT.resolve("cli/target/it-repository").toString()));
        installBuiltArtifacts(repository);

        Path project = work.resolve("greeting-tools");
        assertThat(cli("new", "plugin", project.toString(), "--package", "org.acme.greeting").exit).isZero();

        Path log = work.resolve("mvn.log");
        int exit = maven(project, repository, log);
        assertThat(exit).as("mvn package of the skeleton; log:%n%s", Files.readString(log)).isZero();
        assertThat(Files.readString(log)).as("the skeleton's own tests ran")
                .contains("Tests run: 2, Failures: 0, Errors: 0");

        Path jar = project.resolve("target/greeting-tools-0.1.0-SNAPSHOT.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> classes = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertThat(classes).contains("org/acme/greeting/ExampleTools.class")
                    .noneMatch(n -> n.startsWith("dev/livetools/"));
        }
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Outcome tools = cli("tools", "--plugins", plugins.toString());
        assertThat(tools.exit).as(tools.err).isZero();
        assertThat(tools.out).contains("\"name\": \"greet\"").contains("\"excitement\"").contains("\"name\"");
    }

    /** The local-repository layout {@code mvn install} writes: {@code group/artifact/version/artifact-version.ext}. */
    private static void installBuiltArtifacts(Path repository) throws IOException {
        install(repository, "livetools-parent", ROOT.resolve("pom.xml"), null);
        install(repository, "livetools-bom", ROOT.resolve("bom/pom.xml"), null);
        for (String module : List.of("tools-sdk", "core", "testkit")) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertThat(jar).as("%s is packaged (this test runs in the verify phase of the whole build)", module)
                    .exists();
            install(repository, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
    }

    private static void install(Path repository, String artifactId, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repository.resolve("dev/livetools").resolve(artifactId).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static int maven(Path project, Path repository, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-o",
                "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repository,
                "-Dstyle.color=never", "package"));
        String developerRepository = System.getProperty("livetools.localRepository");
        if (developerRepository != null) {
            command.add(command.size() - 1, "-Dmaven.repo.local.tail=" + developerRepository);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_ARGS");
        Process process = builder.start();
        try {
            if (!process.waitFor(200, TimeUnit.SECONDS)) {
                throw new AssertionError("mvn package of the skeleton took over 200 s; log:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
