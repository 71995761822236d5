package dev.livetools.catalog;

import dev.livetools.sdk.LiveTool;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.util.ArrayList;
import java.util.List;

/** Finds the classes on the application classpath that declare {@code @LiveTool} methods. */
final class ClasspathScanner {

    private ClasspathScanner() {
    }

    /**
     * @param packages the packages to scan (with sub-packages); empty for the whole classpath
     * @return the tool classes, in name order
     */
    static List<Class<?>> toolClasses(List<String> packages, Problems problems) {
        ClassGraph graph = new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                // Non-public classes and methods are found too, so discovery can say why they are refused.
                .ignoreClassVisibility().ignoreMethodVisibility();
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        List<Class<?>> out = new ArrayList<>();
        try (ScanResult scan = graph.scan()) {
            var tools = scan.getClassesWithMethodAnnotation(LiveTool.class.getName());
            int classes = scan.getAllClasses().size();
            String where = packages.isEmpty() ? "the whole classpath" : "classpath package"
                    + (packages.size() == 1 ? " " : "s ") + String.join(", ", packages);
            problems.searched(where + ": " + (classes == 0 ? "no classes found (is the package name right?)"
                    : classes + " class" + (classes == 1 ? "" : "es") + ", " + (tools.isEmpty()
                    ? "none with @LiveTool methods" : tools.size() + " with @LiveTool methods")));
            for (ClassInfo info : tools) {
                try {
                    out.add(info.loadClass());
                } catch (IllegalArgumentException | LinkageError e) {
                    problems.add(MethodNames.className(info.getName()) + " (classpath) cannot be loaded: " + e);
                }
            }
        }
        return out;
    }
}
