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
import java.util.Optional;
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
    void introspect(Class<?> type, String origin, List<MethodTool> out, List<String> problems) {
        introspect(type, null, origin, out, problems);
    }

    /** Adds the tools of a ready-made instance: its instance methods are called on it. */
    void introspectInstance(Object instance, String origin, List<MethodTool> out, List<String> problems) {
        introspect(instance.getClass(), instance, origin, out, problems);
    }

    private void introspect(Class<?> type, Object given, String origin, List<MethodTool> out, List<String> problems) {
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
        Object instance = given;
        boolean instanceFailed = false;
        for (Method m : methods) {
            String where = MethodNames.signature(m);
            if (!Modifier.isPublic(m.getModifiers())) {
                problems.add(where + ": @LiveTool method is not public; make it public");
                continue;
            }
            if (!Modifier.isPublic(type.getModifiers())) {
                problems.add(where + ": @LiveTool method is declared in " + type.getName()
                        + ", which is not public; make the class public");
                continue;
            }
            Object target = null;
            if (!Modifier.isStatic(m.getModifiers())) {
                if (instance == null && !instanceFailed) {
                    try {
                        instance = instanceFactory.create(type);
                        if (instance == null) {
                            throw new IllegalStateException("the instance factory returned null");
                        }
                    } catch (Exception e) {
                        Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                        if (cause instanceof LinkageError linkage) {
                            throw linkage; // a missing class: the caller names the jar and what it lacks
                        }
                        instanceFailed = true;
                        problems.add(type.getName() + ": cannot create an instance for its tool methods ("
                                + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                                + "); add a public no-argument constructor or supply an InstanceFactory");
                    }
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

    private Optional<ToolDescriptor> describe(Method m, Object target, String origin, String where,
                                              List<String> problems) {
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
            if (param == null || param.name().isEmpty()) {
                if (!p.isNamePresent()) {
                    problems.add(where + ": parameter " + i + " (" + p.getType().getSimpleName()
                            + ") has no usable name; compile with -parameters or add @Param(name=...)");
                    continue;
                }
            }
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

    static Duration parseTimeout(String text, String where, List<String> problems) {
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
