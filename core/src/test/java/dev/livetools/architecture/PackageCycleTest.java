package dev.livetools.architecture;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's packages depend on each other one way only (what {@code jdeps -verbose:package} over the jar would show):
 * a cycle means two packages are really one concern, or a facade and its parts were split the wrong way round.
 */
class PackageCycleTest {

    @Test
    void corePackagesFormNoCycle() throws Exception {
        Map<String, Set<String>> uses = packageGraph();
        assertThat(uses).as("packages scanned").containsKeys("dev.livetools.session", "dev.livetools.protocol",
                "dev.livetools.dispatch", "dev.livetools.catalog", "dev.livetools.schema");
        assertThat(cycles(uses)).as("package cycles in core's main classes").isEmpty();
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Set<String>> uses = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertThat(cycles(uses)).containsExactly(List.of("a", "b", "c"));
    }

    private static Map<String, Set<String>> packageGraph() throws Exception {
        // Only core's own main classes: the directory the test's class path gives for a core main type.
        Path mainClasses = Paths.get(dev.livetools.session.LiveSession.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Map<String, Set<String>> uses = new TreeMap<>();
        try (ScanResult scan = new ClassGraph().overrideClasspath(mainClasses.toString())
                .acceptPackages("dev.livetools").enableInterClassDependencies().enableAllInfo().scan()) {
            for (ClassInfo type : scan.getAllClasses()) {
                Set<String> targets = uses.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>());
                for (ClassInfo used : type.getClassDependencies()) {
                    if (!used.getPackageName().equals(type.getPackageName())
                            && used.getPackageName().startsWith("dev.livetools")) {
                        targets.add(used.getPackageName());
                    }
                }
            }
        }
        return uses;
    }

    /** Strongly connected groups of more than one package (Tarjan), each sorted. */
    private static List<List<String>> cycles(Map<String, Set<String>> uses) {
        return new Object() {
            final Map<String, Integer> index = new TreeMap<>();
            final Map<String, Integer> low = new TreeMap<>();
            final Deque<String> stack = new ArrayDeque<>();
            final Set<String> onStack = new TreeSet<>();
            final List<List<String>> found = new ArrayList<>();

            List<List<String>> run() {
                for (String p : uses.keySet()) {
                    if (!index.containsKey(p)) {
                        visit(p);
                    }
                }
                return found;
            }

            void visit(String p) {
                index.put(p, index.size());
                low.put(p, index.get(p));
                stack.push(p);
                onStack.add(p);
                for (String q : uses.getOrDefault(p, Set.of())) {
                    if (!index.containsKey(q)) {
                        visit(q);
                        low.put(p, Math.min(low.get(p), low.get(q)));
                    } else if (onStack.contains(q)) {
                        low.put(p, Math.min(low.get(p), index.get(q)));
                    }
                }
                if (low.get(p).equals(index.get(p))) {
                    List<String> group = new ArrayList<>();
                    String q;
                    do {
                        q = stack.pop();
                        onStack.remove(q);
                        group.add(q);
                    } while (!q.equals(p));
                    if (group.size() > 1) {
                        group.sort(null);
                        found.add(group);
                    }
                }
            }
        }.run();
    }
}
