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
    static List<Class<?>> toolClasses(List<String> packages, List<String> problems) {
        ClassGraph graph = new ClassGraph().enableClassInfo().enableMethodInfo().enableAnnotationInfo()
                // Non-public classes and methods are found too, so discovery can say why they are refused.
                .ignoreClassVisibility().ignoreMethodVisibility();
        if (!packages.isEmpty()) {
            graph.acceptPackages(packages.toArray(String[]::new));
        }
        List<Class<?>> out = new ArrayList<>();
        try (ScanResult scan = graph.scan()) {
            for (ClassInfo info : scan.getClassesWithMethodAnnotation(LiveTool.class.getName())) {
                try {
                    out.add(info.loadClass());
                } catch (IllegalArgumentException | LinkageError e) {
                    problems.add(info.getName() + " (classpath) cannot be loaded: " + e.getMessage());
                }
            }
        }
        return out;
    }
}
