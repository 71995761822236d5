package dev.livetools.catalog;

import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.SchemaRules;
import dev.livetools.schema.Presence;
import dev.livetools.schema.SchemaGenerator;
import dev.livetools.schema.UnsupportedTypeException;
import dev.livetools.sdk.Behavior;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import dev.livetools.sdk.ToolContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletionStage;

/**
 * Reads one class's {@code @LiveTool} methods into {@link MethodTool}s, each resolved once: declaration, binders,
 * validation plan and invoker. Collects every problem instead of stopping at the first.
 */
final class ToolIntrospector {

    private final InstanceFactory instanceFactory;
    private final ValidationPlan.Choice validator;
    private final SchemaGenerator schemas = new SchemaGenerator();

    ToolIntrospector(InstanceFactory instanceFactory, ValidationPlan.Choice validator) {
        this.instanceFactory = instanceFactory;
        this.validator = validator;
    }

    /**
     * Adds the tools of {@code type} to {@code out} and anything wrong with them to {@code problems}; instance
     * methods are called on an instance from the catalog's {@link InstanceFactory}.
     *
     * @throws LinkageError when the class or its instance needs a class its loader cannot find
     */
    void introspect(Class<?> type, String origin, List<MethodTool> out, Problems problems) {
        introspect(type, null, origin, out, problems);
    }

    /** Adds the tools of a ready-made instance: its instance methods are called on it. */
    void introspectInstance(Object instance, String origin, List<MethodTool> out, Problems problems) {
        introspect(instance.getClass(), instance, origin, out, problems);
    }

    private void introspect(Class<?> type, Object given, String origin, List<MethodTool> out, Problems problems) {
        List<Method> methods = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(LiveTool.class)) {
                methods.add(m);
            }
        }
        if (methods.isEmpty()) {
            return;
        }
        // Declared-method order is unspecified; sort so problems and output are stable.
        methods.sort(Comparator.comparing(MethodNames::signature));
        String className = MethodNames.className(type);
        if (!initialized(type, className, problems)) {
            return;
        }
        Set<Method> unnamed = unnamedParameters(methods, className, problems);
        Object instance = given;
        boolean instanceFailed = false;
        for (Method m : methods) {
            String where = MethodNames.signature(m);
            if (unnamed.contains(m)) {
                continue;
            }
            if (!Modifier.isPublic(m.getModifiers())) {
                problems.add(where + ": @LiveTool method is not public; make it public");
                continue;
            }
            if (!Modifier.isPublic(type.getModifiers())) {
                problems.add(where + ": @LiveTool method is declared in " + className
                        + ", which is not public; make the class public");
                continue;
            }
            Object target = null;
            if (!Modifier.isStatic(m.getModifiers())) {
                if (instance == null && !instanceFailed) {
                    instance = instance(type, className, problems);
                    instanceFailed = instance == null;
                }
                if (instanceFailed) {
                    continue;
                }
                target = instance;
            }
            describe(m, target, origin, where, problems)
                    .map(descriptor -> MethodTool.create(descriptor, validator, problems))
                    .ifPresent(out::add);
        }
    }

    /**
     * Runs the static initializer now, so that one that throws is a discovery problem naming its exception (as the
     * cause), not {@code ExceptionInInitializerError} at the first call.
     */
    private static boolean initialized(Class<?> type, String className, Problems problems) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
            return true;
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof LinkageError linkage && !(cause instanceof ExceptionInInitializerError)) {
                throw linkage; // a missing class: the caller names the jar and what it lacks
            }
            problems.add(className + ": its static initializer threw " + describe(cause), cause);
            return false;
        } catch (ClassNotFoundException e) {
            throw new NoClassDefFoundError(type.getName());
        }
    }

    /**
     * The methods with parameters that have no name (the class was compiled without {@code -parameters}), reported
     * once for the whole class: the fix is one compiler flag, not one annotation per parameter.
     */
    private static Set<Method> unnamedParameters(List<Method> methods, String className, Problems problems) {
        Set<Method> unnamed = new LinkedHashSet<>();
        int count = 0;
        for (Method m : methods) {
            for (Parameter p : m.getParameters()) {
                Param param = p.getAnnotation(Param.class);
                if (p.getType() != ToolContext.class && !p.isNamePresent()
                        && (param == null || param.name().isEmpty())) {
                    unnamed.add(m);
                    count++;
                }
            }
        }
        if (!unnamed.isEmpty()) {
            problems.add(className + ": " + count + " parameter" + (count == 1 ? "" : "s") + " of its tools "
                    + unnamed.stream().map(MethodNames::signature).collect(Collectors.joining(", "))
                    + " have no usable name, because the class was compiled without -parameters; compile with "
                    + "-parameters (javac flag, or <parameters>true</parameters> in maven-compiler-plugin) or add "
                    + "@Param(name=...) to each");
        }
        return unnamed;
    }

    /** The instance for the instance tool methods of {@code type}, or {@code null} with the reason as a problem. */
    private Object instance(Class<?> type, String className, Problems problems) {
        try {
            Object instance = instanceFactory.create(type);
            if (instance == null) {
                problems.add(className + ": the InstanceFactory returned null for it");
            }
            return instance;
        } catch (NoSuchMethodException e) {
            problems.add(className + " has no public no-argument constructor for its instance tool methods; add one, "
                    + "pass a ready-made instance (ToolCatalog.Builder.addInstances) or supply an InstanceFactory");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof LinkageError linkage && !(cause instanceof ExceptionInInitializerError)) {
                throw linkage; // a missing class: the caller names the jar and what it lacks
            }
            problems.add(className + ": its constructor threw " + describe(cause), cause);
        } catch (IllegalAccessException e) {
            problems.add(className + ": its no-argument constructor is not public; make it public, pass a "
                    + "ready-made instance (ToolCatalog.Builder.addInstances) or supply an InstanceFactory");
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add(className + ": its static initializer threw " + describe(cause), cause);
        } catch (Exception e) {
            problems.add(className + ": the InstanceFactory could not create it: " + describe(e), e);
        }
        return null;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private Optional<ToolDescriptor> describe(Method m, Object target, String origin, String where,
                                              Problems problems) {
        LiveTool annotation = m.getAnnotation(LiveTool.class);
        int before = problems.size();
        String name = annotation.name().isEmpty() ? m.getName() : annotation.name();
        if (!SchemaRules.isValidFunctionName(name)) {
            problems.add(where + ": tool name '" + name + "' is invalid; Gemini allows "
                    + SchemaRules.FUNCTION_NAME.pattern());
        }
        Duration timeout = parseTimeout(annotation.timeout(), where, problems);
        List<ToolParameter> parameters = new ArrayList<>();
        Parameter[] javaParameters = m.getParameters();
        Type[] genericTypes = m.getGenericParameterTypes();
        for (int i = 0; i < javaParameters.length; i++) {
            Parameter p = javaParameters[i];
            if (p.getType() == ToolContext.class) {
                parameters.add(new ToolParameter(i, "", "", ToolContext.class, false, ToolParameter.Role.CONTEXT, p));
                continue;
            }
            Param param = p.getAnnotation(Param.class);
            String paramName = param != null && !param.name().isEmpty() ? param.name() : p.getName();
            String description = param == null ? "" : param.description();
            boolean required = Presence.required(param == null || param.required(), genericTypes[i],
                    annotationsOf(p));
            parameters.add(new ToolParameter(i, paramName, description, genericTypes[i], required,
                    ToolParameter.Role.ARGUMENT, p));
        }
        Type resultType = m.getGenericReturnType();
        boolean async = CompletionStage.class.isAssignableFrom(m.getReturnType());
        if (async) {
            resultType = resultType instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
        }
        List<ToolParameter> arguments = parameters.stream()
                .filter(p -> p.role() == ToolParameter.Role.ARGUMENT).toList();
        FunctionDeclaration declaration = null;
        try {
            declaration = new FunctionDeclaration(
                    SchemaRules.isValidFunctionName(name) ? name : "invalid",
                    annotation.description().isEmpty() ? null : annotation.description(),
                    annotation.behavior() == Behavior.NON_BLOCKING ? "NON_BLOCKING" : null,
                    schemas.parametersSchema(arguments.stream().map(p -> new SchemaGenerator.Argument(p.name(),
                            p.description(), p.type(), p.required(), p.javaParameter())).toList()));
        } catch (UnsupportedTypeException e) {
            problems.add(where + ": " + e.getMessage());
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ToolDescriptor(name, annotation.description(), annotation.behavior(),
                annotation.scheduling(), timeout, m, target, parameters, resultType, async, declaration, origin));
    }

    private static List<Annotation> annotationsOf(Parameter p) {
        List<Annotation> all = new ArrayList<>(Arrays.asList(p.getAnnotations()));
        all.addAll(Arrays.asList(p.getAnnotatedType().getAnnotations()));
        return all;
    }

    static Duration parseTimeout(String text, String where, Problems problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            Duration d = DurationText.parse(text);
            if (d.isZero() || d.isNegative()) {
                problems.add(where + ": timeout '" + text + "' must be positive");
                return null;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(where + ": timeout '" + text + "' is not a duration; use e.g. \"500ms\", \"5s\", \"2m\" or \"PT5S\"");
            return null;
        }
    }
}
