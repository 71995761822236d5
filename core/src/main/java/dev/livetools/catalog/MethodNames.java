package dev.livetools.catalog;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names classes and methods the one way every discovery and dispatch message does: a class by its simple name
 * ({@code HomeTools}), a method as {@code HomeTools.setLight(String,int)}. Where the class comes from is said by the
 * origin (classpath or the plugin jar) given with it.
 */
final class MethodNames {

    private MethodNames() {
    }

    static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    static String className(Class<?> type) {
        return type.getSimpleName();
    }

    /** The same for a binary class name, as class files and ClassGraph write it ({@code a.b.Outer$Inner}). */
    static String className(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }
}
