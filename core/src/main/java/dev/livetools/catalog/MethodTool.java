package dev.livetools.dispatch.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.catalog.ToolDescriptor;
import dev.livetools.catalog.ToolParameter;
import dev.livetools.sdk.ToolContext;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.CascadableDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.ContainerDescriptor;
import jakarta.validation.metadata.ContainerElementTypeDescriptor;
import jakarta.validation.metadata.ElementDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one call of a tool needs, resolved once when the dispatcher is built: a binder per argument, a method
 * handle, and whether Hibernate Validator has anything to check. A call does no reflection lookups, no schema work
 * and no validator metadata work; tools without constraints skip the validator altogether.
 */
final class ToolInvoker {

    private final ToolDescriptor tool;
    private final MethodHandle handle;
    private final Slot[] slots;
    private final Set<String> argumentNames;
    private final String argumentList;
    private final ExecutableValidator parameterValidator;
    private final ExecutableValidator returnValidator;
    private final boolean returnsVoid;
    /** For the warm-up: the validator, when every parameter constraint is a built-in one (no user code runs). */
    private final Validator warmUpValidator;
    /** Decides "valid" without Hibernate Validator for simple built-in constraints; {@code null} when not precompiled. */
    private final ParameterCheck parameterCheck;

    /** One Java parameter: injected context, or an argument with its binder and absent value. */
    private record Slot(int index, String name, boolean context, boolean required, boolean optional,
                        Object absent, ValueBinder binder) {
    }

    private ToolInvoker(ToolDescriptor tool, MethodHandle handle, Slot[] slots, ExecutableValidator parameterValidator,
                        ExecutableValidator returnValidator, Validator warmUpValidator,
                        ParameterCheck parameterCheck) {
        this.tool = tool;
        this.handle = handle;
        this.slots = slots;
        this.argumentNames = new HashSet<>();
        for (Slot s : slots) {
            if (!s.context) {
                argumentNames.add(s.name);
            }
        }
        this.argumentList = java.util.Arrays.stream(slots).filter(s -> !s.context).map(Slot::name)
                .collect(Collectors.joining(", "));
        this.parameterValidator = parameterValidator;
        this.returnValidator = returnValidator;
        this.returnsVoid = tool.method().getReturnType() == void.class;
        this.warmUpValidator = warmUpValidator;
        this.parameterCheck = parameterCheck;
    }

    /**
     * Resolves a tool, or adds the reasons it cannot be dispatched to {@code problems} and returns {@code null}.
     *
     * @param validator  the validator to check constraints with
     * @param precompile whether simple built-in constraints may be decided by a {@link ParameterCheck} first; only
     *                   for the shared validator, whose built-in constraints nobody has re-mapped
     */
    static ToolInvoker create(ToolDescriptor tool, Validator validator, boolean precompile, List<String> problems) {
        Method method = tool.method();
        String where = tool.signature();
        int before = problems.size();
        MethodHandle handle = null;
        try {
            handle = MethodHandles.publicLookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(tool.target());
            }
            handle = handle.asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            problems.add(where + ": cannot be called by the dispatcher (" + e.getMessage() + ")");
        }
        Slot[] slots = new Slot[method.getParameterCount()];
        for (ToolParameter p : tool.parameters()) {
            slots[p.index()] = slot(p, where, problems);
        }
        ExecutableValidator parameterValidator = null;
        ExecutableValidator returnValidator = null;
        Validator warmUpValidator = null;
        ParameterCheck parameterCheck = null;
        if (Modifier.isStatic(method.getModifiers())) {
            if (declaresConstraints(method)) {
                problems.add(where + ": Jakarta Validation ignores static methods, so its constraints would never be "
                        + "checked; make it an instance method");
            }
        } else {
            try {
                MethodDescriptor md = validator.getConstraintsForClass(method.getDeclaringClass())
                        .getConstraintsForMethod(method.getName(), method.getParameterTypes());
                if (md != null && constrainsParameters(md)) {
                    parameterValidator = validator.forExecutables();
                    if (onlyBuiltInParameterConstraints(md)) {
                        warmUpValidator = validator;
                    }
                    if (precompile) {
                        parameterCheck = ParameterCheck.compile(method, md);
                    }
                }
                if (md != null && constrains(md.getReturnValueDescriptor()) && !tool.async()) {
                    returnValidator = validator.forExecutables();
                }
            } catch (ValidationException e) {
                problems.add(where + ": invalid constraint declaration: " + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ToolInvoker(tool, handle, slots, parameterValidator, returnValidator, warmUpValidator,
                parameterCheck);
    }

    private static Slot slot(ToolParameter p, String where, List<String> problems) {
        if (p.role() == ToolParameter.Role.CONTEXT) {
            return new Slot(p.index(), "", true, false, false, null, null);
        }
        Type type = p.type();
        boolean optional = rawClass(type) == Optional.class;
        Type valueType = type;
        if (optional) {
            valueType = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
        }
        ValueBinder binder = valueType instanceof Class<?> c ? ScalarBinders.forType(c) : null;
        if (binder == null) {
            try {
                binder = new JacksonBinder(DispatchJson.mapper().constructType(valueType));
            } catch (RuntimeException e) {
                problems.add(where + ": parameter '" + p.name() + "' of type " + valueType.getTypeName()
                        + " cannot be read from JSON (" + e.getMessage() + ")");
            }
        }
        Object absent = optional ? Optional.empty() : primitiveDefault(rawClass(type));
        return new Slot(p.index(), p.name(), false, p.required(), optional, absent, binder);
    }

    ToolDescriptor tool() {
        return tool;
    }

    /** Whether a {@code null} result means "done" ({@code void}, {@code Void}) and is answered {@code "ok"}. */
    boolean acknowledgesNull() {
        return returnsVoid || tool.resultType() == Void.class;
    }

    /** Binds {@code args} to the method's parameters; problems go to {@code out}, never thrown. */
    Object[] bind(ObjectNode args, ToolContext context, Violations out) {
        Object[] values = new Object[slots.length];
        int present = 0;
        for (Slot s : slots) {
            if (s.context) {
                values[s.index] = context;
                continue;
            }
            JsonNode node = args.get(s.name);
            if (node != null) {
                present++;
            }
            if (node == null || node.isNull()) {
                if (s.required) {
                    out.add(new Violation(s.index, s.name, Violation.REQUIRED, "is required", node));
                } else {
                    values[s.index] = s.absent;
                }
                continue;
            }
            Object v = s.binder.bind(node, s.index, s.name, out);
            if (v != ValueBinder.FAILED) {
                values[s.index] = s.optional ? Optional.of(v) : v;
            }
        }
        if (args.size() > present) {
            reportUnknown(args, out);
        }
        return values;
    }

    private void reportUnknown(ObjectNode args, Violations out) {
        Iterator<String> names = args.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!argumentNames.contains(name)) {
                out.add(new Violation(Integer.MAX_VALUE, name, Violation.UNKNOWN, "is not a parameter of "
                        + tool.name() + (argumentList.isEmpty() ? ", which takes none" : "; its parameters are "
                        + argumentList), args.get(name)));
            }
        }
    }

    /**
     * Runs Hibernate Validator on the bound values, skipping parameters binding already rejected. When the precompiled
     * check says a cleanly bound call is valid, Hibernate Validator would find nothing, and is not asked.
     */
    void validateParameters(Object[] values, Violations out) {
        if (parameterValidator == null) {
            return;
        }
        if (parameterCheck != null && out.isEmpty() && parameterCheck.valid(values)) {
            return;
        }
        List<Violation> found = null;
        for (ConstraintViolation<Object> cv : parameterValidator.validateParameters(tool.target(), tool.method(),
                values)) {
            Violation v = toViolation(cv);
            if (!out.parameterFailed(v.parameter())) {
                if (found == null) {
                    found = new ArrayList<>(4);
                }
                found.add(v);
            }
        }
        if (found != null) {
            found.forEach(out::add);
        }
    }

    /** Whether valid calls skip Hibernate Validator (see {@link ParameterCheck}); for tests. */
    boolean precompiledParameterCheck() {
        return parameterCheck != null;
    }

    /** Whether the warm-up may validate placeholder arguments: there are constraints, all built-in. */
    boolean validatesParameters() {
        return warmUpValidator != null;
    }

    /**
     * Validates placeholder arguments (what an absent argument binds to) once, so that Hibernate Validator initialises
     * this method's constraint validators, and resolves the metadata of cascaded parameter types, before the first
     * call. Only for built-in constraints: their validators have no side effects.
     */
    void warmUpValidation() {
        if (warmUpValidator == null) {
            return;
        }
        Object[] placeholders = new Object[slots.length];
        for (Slot s : slots) {
            placeholders[s.index] = s.context ? null : s.absent;
        }
        parameterValidator.validateParameters(tool.target(), tool.method(), placeholders);
        for (Class<?> type : tool.method().getParameterTypes()) {
            if (!type.isPrimitive() && !type.getName().startsWith("java.")) {
                warmUpValidator.getConstraintsForClass(type);
            }
        }
    }

    /** Resolves Jackson's serializer for the declared result type, which the first result would otherwise build. */
    void warmUpResultType() {
        Type type = tool.resultType();
        if (type == Object.class || type == void.class || type == Void.class) {
            return;
        }
        try {
            var mapper = DispatchJson.mapper();
            mapper.getSerializerProviderInstance().findValueSerializer(mapper.constructType(type));
        } catch (Exception e) {
            // The first result of this tool resolves it (and reports what is wrong, if anything is).
        }
    }

    /** Violations of the declared return-value constraints, empty when there are none or none are declared. */
    List<Violation> validateResult(Object value) {
        if (returnValidator == null) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<Object> cv : returnValidator.validateReturnValue(tool.target(), tool.method(),
                value)) {
            found.add(toViolation(cv));
        }
        java.util.Collections.sort(found);
        return found;
    }

    /** Calls the method; whatever it throws comes out unchanged. */
    Object invoke(Object[] values) throws Throwable {
        return (Object) handle.invokeExact(values);
    }

    private Violation toViolation(ConstraintViolation<Object> cv) {
        StringBuilder path = new StringBuilder();
        int parameter = Integer.MAX_VALUE - 1;
        for (Path.Node node : cv.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> {
                    parameter = node.as(Path.ParameterNode.class).getParameterIndex();
                    path.append(slots[parameter].name);
                }
                case RETURN_VALUE -> path.append("output");
                case CROSS_PARAMETER -> path.append("(arguments)");
                default -> {
                    if (node.isInIterable()) {
                        path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    String name = node.getName();
                    if (name != null && !name.startsWith("<")) {
                        path.append('.').append(name);
                    }
                }
            }
        }
        String constraint = cv.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Object invalid = cv.getInvalidValue();
        return new Violation(parameter, path.toString(), constraint, cv.getMessage(),
                invalid == null ? null : Payloads.jsonOrText(invalid));
    }

    /**
     * Whether validating the parameters can find anything. Unlike {@code hasConstrainedParameters()} this also
     * counts container-element constraints such as {@code List<@NotBlank String>}.
     */
    private static boolean constrainsParameters(MethodDescriptor md) {
        if (md.getCrossParameterDescriptor().hasConstraints()) {
            return true;
        }
        for (ParameterDescriptor p : md.getParameterDescriptors()) {
            if (constrains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every parameter constraint is a Jakarta/Hibernate built-in checked by Hibernate's own validators. */
    private static boolean onlyBuiltInParameterConstraints(MethodDescriptor md) {
        if (!builtIn(md.getCrossParameterDescriptor().getConstraintDescriptors())) {
            return false;
        }
        for (ParameterDescriptor p : md.getParameterDescriptors()) {
            if (!builtIn(p.getConstraintDescriptors()) || !builtInElements(p.getConstrainedContainerElementTypes())) {
                return false;
            }
        }
        return true;
    }

    private static boolean builtInElements(Set<ContainerElementTypeDescriptor> elements) {
        for (ContainerElementTypeDescriptor e : elements) {
            if (!builtIn(e.getConstraintDescriptors()) || !builtInElements(e.getConstrainedContainerElementTypes())) {
                return false;
            }
        }
        return true;
    }

    private static boolean builtIn(Set<ConstraintDescriptor<?>> constraints) {
        for (ConstraintDescriptor<?> c : constraints) {
            String annotation = c.getAnnotation().annotationType().getName();
            if (!annotation.startsWith("jakarta.validation.constraints.")
                    && !annotation.startsWith("org.hibernate.validator.constraints.")) {
                return false;
            }
            for (Class<?> v : c.getConstraintValidatorClasses()) {
                if (!v.getName().startsWith("org.hibernate.validator.internal.")) {
                    return false;
                }
            }
            if (!builtIn(c.getComposingConstraints())) {
                return false;
            }
        }
        return true;
    }

    private static <D extends ElementDescriptor & CascadableDescriptor & ContainerDescriptor> boolean constrains(
            D d) {
        return d.hasConstraints() || d.isCascaded() || !d.getConstrainedContainerElementTypes().isEmpty();
    }

    private static boolean declaresConstraints(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (isConstraint(a)) {
                return true;
            }
        }
        for (Annotation[] annotations : m.getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (isConstraint(a)) {
                    return true;
                }
            }
        }
        for (AnnotatedType t : m.getAnnotatedParameterTypes()) {
            if (constrained(t)) {
                return true;
            }
        }
        return constrained(m.getAnnotatedReturnType());
    }

    private static boolean constrained(AnnotatedType t) {
        for (Annotation a : t.getAnnotations()) {
            if (isConstraint(a)) {
                return true;
            }
        }
        if (t instanceof AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                if (constrained(arg)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isConstraint(Annotation a) {
        return a instanceof Valid || a.annotationType().isAnnotationPresent(Constraint.class);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Object primitiveDefault(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
