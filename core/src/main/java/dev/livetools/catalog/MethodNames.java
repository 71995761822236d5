package dev.livetools.catalog;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Names methods the way every discovery and dispatch message does: {@code HomeTools.setLight(String,int)}. */
final class MethodNames {

    private MethodNames() {
    }

    static String signature(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }
}
