package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.LiveTool;
import dev.livetools.testsupport.Compiler;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolDiscoveryFailuresTest {

    public static final class Lights {
        @LiveTool(name = "switch_on")
        public static void on(String room) { }
    }

    public static final class Heating {
        @LiveTool(name = "switch_on")
        public static void start(String zone) { }
    }

    public static final class BadName {
        @LiveTool(name = "9 lives")
        public static void tool() { }
    }

    public static final class LongName {
        @LiveTool(name = "a2345678901234567890123456789012345678901234567890123456789012345")
        public static void tool() { }
    }

    public record TreeNode(String label, List<TreeNode> children) {
    }

    public record Folder(String name, Document readme) {
    }

    public record Document(String title, Folder parent) {
    }

    public static final class Recursive {
        @LiveTool
        public static void plant(int depth, TreeNode tree) { }
    }

    public static final class MutuallyRecursive {
        @LiveTool
        public static void archive(Folder folder) { }
    }

    public static final class RawObject {
        @LiveTool
        public static void store(String key, Object value) { }
    }

    public record Envelope(String id, Object payload) {
    }

    public static final class NestedObject {
        @LiveTool
        public static void send(Envelope envelope) { }
    }

    public static final class Wildcard {
        @LiveTool
        public static void tag(List<?> tags) { }
    }

    public static final class RawList {
        @SuppressWarnings("rawtypes")
        @LiveTool
        public static void tag(List tags) { }
    }

    public static final class GenericMethod {
        @LiveTool
        public static <T> void keep(T value) { }
    }

    public static final class IntegerKeys {
        @LiveTool
        public static void rank(java.util.Map<Integer, String> byRank) { }
    }

    public static final class InterfaceType {
        @LiveTool
        public static void later(Runnable task) { }
    }

    public static final class NonPublicMethod {
        @LiveTool
        static void hidden(String secret) { }
    }

    static final class NonPublicClass {
        @LiveTool
        public static void hidden() { }
    }

    public static final class NoDefaultConstructor {
        private final String prefix;

        public NoDefaultConstructor(String prefix) {
            this.prefix = prefix;
        }

        @LiveTool
        public String greet(String name) {
            return prefix + name;
        }
    }

    public static final class BadTimeout {
        @LiveTool(timeout = "soon")
        public static void tool() { }
    }

    private static ToolDiscoveryException failure(Class<?>... classes) {
        try {
            ToolCatalog.builder().addClasses(classes).build().close();
        } catch (ToolDiscoveryException e) {
            return e;
        }
        throw new AssertionError("discovery should have failed");
    }

    @Test
    void duplicateToolNamesFailNamingBothMethods() {
        assertThat(failure(Lights.class, Heating.class).problems()).containsExactly(
                "duplicate tool name 'switch_on': Lights.on(String) (classpath) and Heating.start(String) (classpath)"
                        + "; give one of them another name with @LiveTool(name = \"...\")");
    }

    @Test
    void aNameWithCharactersGeminiRefusesFailsNamingTheMethod() {
        assertThat(failure(BadName.class).getMessage())
                .isEqualTo("BadName.tool(): tool name '9 lives' is invalid; Gemini allows [A-Za-z_][A-Za-z0-9_.:-]{0,63}");
    }

    @Test
    void aNameLongerThan64CharactersFails() {
        assertThat(failure(LongName.class).getMessage()).startsWith("LongName.tool(): tool name 'a2345")
                .contains("is invalid");
    }

    @Test
    void parametersWithoutNamesAreOneProblemForTheWholeClassNamingItsMethods(@TempDir Path tmp) throws Exception {
        Path classes = Compiler.compile(tmp, false, Map.of("acme.Thermostat", """
                package acme;
                import dev.livetools.sdk.LiveTool;
                public class Thermostat {
                    @LiveTool public static void set(String zone, double celsius) { }
                    @LiveTool public static void boost(int minutes) { }
                    @LiveTool public static void off() { }
                }
                """));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> thermostat = loader.loadClass("acme.Thermostat");
            assertThat(failure(thermostat).problems()).containsExactly(
                    "Thermostat: 3 parameters of its tools Thermostat.boost(int), Thermostat.set(String,double) have "
                            + "no usable name, because the class was compiled without -parameters; compile with "
                            + "-parameters (javac flag, or <parameters>true</parameters> in maven-compiler-plugin) or "
                            + "add @Param(name=...) to each");
        }
    }

    @Test
    void paramNamesStandInForMissingParameterNames(@TempDir Path tmp) throws Exception {
        Path classes = Compiler.compile(tmp, false, Map.of("acme.Thermostat", """
                package acme;
                import dev.livetools.sdk.LiveTool;
                import dev.livetools.sdk.Param;
                public class Thermostat {
                    @LiveTool public static void set(@Param(name = "zone") String z, @Param(name = "celsius") double c) { }
                }
                """));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
             ToolCatalog catalog = ToolCatalog.builder().addClasses(loader.loadClass("acme.Thermostat")).build()) {
            assertThat(catalog.descriptor("set").orElseThrow().declaration().parameters().propertyOrdering())
                    .containsExactly("zone", "celsius");
        }
    }

    @Test
    void aRecursiveTypeFailsNamingTheParameterAndTheCycle() {
        assertThat(failure(Recursive.class).getMessage()).isEqualTo("Recursive.plant(int,TreeNode): parameter 'tree': "
                + "recursive type: TreeNode -> TreeNode; Gemini schemas cannot contain themselves: flatten the type "
                + "or refer to items by id (at TreeNode.children)");
    }

    @Test
    void aCycleThroughTwoTypesFailsNamingEveryStep() {
        assertThat(failure(MutuallyRecursive.class).getMessage()).startsWith(
                "MutuallyRecursive.archive(Folder): parameter 'folder': recursive type: Folder -> Document -> Folder;")
                .endsWith("(at Folder.readme -> Document.parent)");
    }

    @Test
    void aRawObjectParameterFailsNamingTheParameter() {
        assertThat(failure(RawObject.class).getMessage()).isEqualTo("RawObject.store(String,Object): parameter "
                + "'value': java.lang.Object says nothing about the value; use a concrete type (a record, String, a "
                + "List or Map<String, ...> of one)");
    }

    @Test
    void anObjectNestedInARecordFailsNamingTheComponent() {
        assertThat(failure(NestedObject.class).getMessage())
                .startsWith("NestedObject.send(Envelope): parameter 'envelope': java.lang.Object says nothing")
                .endsWith("(at Envelope.payload)");
    }

    @Test
    void aWildcardOnlyTypeArgumentFailsNamingTheParameter() {
        assertThat(failure(Wildcard.class).getMessage()).isEqualTo("Wildcard.tag(List): parameter 'tags': wildcard "
                + "type argument '?' says nothing about the values; use a concrete type argument");
    }

    @Test
    void aRawCollectionFailsAskingForTheElementType() {
        assertThat(failure(RawList.class).getMessage()).isEqualTo(
                "RawList.tag(List): parameter 'tags': raw List: declare its type arguments, e.g. List<String>");
    }

    @Test
    void anUnresolvedTypeVariableFailsNamingTheParameter() {
        assertThat(failure(GenericMethod.class).getMessage()).isEqualTo("GenericMethod.keep(Object): parameter "
                + "'value': type variable T of keep() is not resolved; use a concrete type");
    }

    @Test
    void aMapWithNonStringKeysFails() {
        assertThat(failure(IntegerKeys.class).getMessage()).isEqualTo("IntegerKeys.rank(Map): parameter 'byRank': "
                + "map keys must be String (JSON object keys are text), not java.lang.Integer");
    }

    @Test
    void anInterfaceThatIsNotACollectionFails() {
        assertThat(failure(InterfaceType.class).getMessage()).startsWith("InterfaceType.later(Runnable): parameter "
                + "'task': java.lang.Runnable is not supported: use a scalar, an enum");
    }

    @Test
    void aNonPublicToolMethodFails() {
        assertThat(failure(NonPublicMethod.class).getMessage())
                .isEqualTo("NonPublicMethod.hidden(String): @LiveTool method is not public; make it public");
    }

    @Test
    void aToolMethodInANonPublicClassFails() {
        assertThat(failure(NonPublicClass.class).getMessage()).startsWith("NonPublicClass.hidden(): @LiveTool method "
                + "is declared in NonPublicClass, which is not public");
    }

    @Test
    void anInstanceToolWhoseClassHasNoNoArgumentConstructorFailsNamingTheClassAndTheWaysOut() {
        assertThat(failure(NoDefaultConstructor.class).getMessage()).isEqualTo("NoDefaultConstructor has no public "
                + "no-argument constructor for its instance tool methods; add one, pass a ready-made instance "
                + "(ToolCatalog.Builder.addInstances) or supply an InstanceFactory");
    }

    @Test
    void anUnparsableTimeoutFailsNamingTheMethod() {
        assertThat(failure(BadTimeout.class).getMessage()).startsWith("BadTimeout.tool(): timeout 'soon' is not a duration");
    }

    @Test
    void everyProblemIsReportedInOneFailure() {
        ToolDiscoveryException e = failure(BadName.class, RawObject.class, NonPublicMethod.class);
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).startsWith("3 problems found while discovering tools:\n  - ");
    }

    @Test
    void parameterNamesComeFromTheClassFileWhenCompiledWithParameters() {
        try (ToolCatalog catalog = ToolCatalog.builder().addClasses(Lights.class).build()) {
            assertThat(catalog.descriptor("switch_on").orElseThrow().arguments()).extracting(ToolParameter::name)
                    .containsExactly("room");
        }
    }
}
