package dev.livetools.cli.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.cli.LiveToolsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code livetools new plugin}: what it writes and what it refuses. PluginSkeletonBuildIT builds the result. */
class NewPluginCommandTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LiveToolsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Outcome(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void writesAPomAToolClassAndItsTestUnderThePackage(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("home-tools");
        Outcome outcome = run("new", "plugin", dir.toString(), "--package", "org.acme.home", "--class", "HomeTools");

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(dir.resolve("pom.xml")).exists();
        assertThat(dir.resolve("README.md")).exists();
        assertThat(dir.resolve("src/main/java/org/acme/home/HomeTools.java")).content()
                .contains("package org.acme.home;").contains("public final class HomeTools");
        assertThat(dir.resolve("src/test/java/org/acme/home/HomeToolsTest.java")).content()
                .contains("class HomeToolsTest").contains("new HomeTools()");
        assertThat(outcome.out()).contains("created plugin project").contains("pom.xml");
    }

    @Test
    void thePomPinsThisLiveToolsVersionThroughTheBomAndKeepsParameterNames(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("my-plugin");
        assertThat(run("new", "plugin", dir.toString()).exit()).isZero();

        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom)
                .contains("<artifactId>my-plugin</artifactId>")
                .contains("<livetools.version>" + PluginSkeleton.livetoolsVersion() + "</livetools.version>")
                .contains("<artifactId>livetools-bom</artifactId>")
                .contains("<parameters>true</parameters>")
                .contains("<artifactId>maven-shade-plugin</artifactId>")
                .doesNotContain("{{");
        assertThat(pom.substring(pom.indexOf("<artifactId>tools-sdk</artifactId>")))
                .as("tools-sdk comes from the host").startsWith("<artifactId>tools-sdk</artifactId>\n"
                        + "      <scope>provided</scope>");
        assertThat(PluginSkeleton.livetoolsVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAlone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");

        Outcome outcome = run("new", "plugin", dir.toString());

        assertThat(outcome.exit()).isEqualTo(LiveToolsCli.EXIT_USAGE);
        assertThat(outcome.err()).contains("already exists and is not an empty folder");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("notes.txt"));
        }
    }

    @Test
    void aPackageThatIsNotAJavaNameIsRefusedBeforeAnythingIsWritten(@TempDir Path tmp) {
        Path dir = tmp.resolve("p");
        Outcome outcome = run("new", "plugin", dir.toString(), "--package", "com.example.class");

        assertThat(outcome.exit()).isEqualTo(LiveToolsCli.EXIT_USAGE);
        assertThat(outcome.err()).contains("package 'com.example.class' is not a Java package name");
        assertThat(dir).doesNotExist();
    }

    @Test
    void aLowerCaseClassNameIsRefused(@TempDir Path tmp) {
        Outcome outcome = run("new", "plugin", tmp.resolve("p").toString(), "--class", "tools");

        assertThat(outcome.exit()).isEqualTo(LiveToolsCli.EXIT_USAGE);
        assertThat(outcome.err()).contains("class name 'tools' is not a Java class name");
    }

    @Test
    void newWithoutWhatToCreateIsAUsageError() {
        Outcome outcome = run("new");

        assertThat(outcome.exit()).isEqualTo(LiveToolsCli.EXIT_USAGE);
        assertThat(outcome.err()).contains("Missing what to create (plugin)").contains("plugin");
    }
}
