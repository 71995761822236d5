package dev.livetools.catalog;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
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
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What Hibernate Validator checks for one tool method, resolved once at catalog build: whether parameters and the
 * result have constraints at all, the precompiled check for simple built-ins, and whether the warm-up may exercise
 * them. A tool without constraints has {@link #NONE} and never reaches the validator.
 */
final class ValidationPlan {

    static final ValidationPlan NONE = new ValidationPlan(null, null, null, null, null);

    /** The validator a catalog checks constraints with: the JVM-wide one unless the builder was given another. */
    record Choice(Validator custom) {
        Validator validator() {
            return custom != null ? custom : SharedValidation.validator();
        }

        /** Whether it is the JVM-wide validator, whose built-in constraints nobody has re-mapped. */
        boolean shared() {
            return custom == null;
        }
    }

    private final ExecutableValidator parameterValidator;
    private final ExecutableValidator returnValidator;
    /** For the warm-up: the validator, when every parameter constraint is a built-in one (no user code runs). */
    private final Validator warmUpValidator;
    /** Decides "valid" without Hibernate Validator for simple built-in constraints; {@code null} when not precompiled. */
    private final ParameterCheck parameterCheck;
    private final Method method;

    private ValidationPlan(ExecutableValidator parameterValidator, ExecutableValidator returnValidator,
                           Validator warmUpValidator, ParameterCheck parameterCheck, Method method) {
        this.parameterValidator = parameterValidator;
        this.returnValidator = returnValidator;
        this.warmUpValidator = warmUpValidator;
        this.parameterCheck = parameterCheck;
        this.method = method;
    }

    /** The plan for {@code tool}, or {@code null} with the reasons in {@code problems}. */
    static ValidationPlan create(ToolDescriptor tool, Choice choice, Problems problems) {
        Method method = tool.method();
        if (Modifier.isStatic(method.getModifiers())) {
            if (ConstraintScan.declares(method)) {
                problems.add(tool.signature() + ": Jakarta Validation ignores static methods, so its constraints "
                        + "would never be checked; make it an instance method");
                return null;
            }
            return NONE;
        }
        if (choice.shared() && !ConstraintScan.declaresInHierarchy(method)) {
            return NONE;
        }
        Validator validator = choice.validator();
        try {
            MethodDescriptor md = validator.getConstraintsForClass(method.getDeclaringClass())
                    .getConstraintsForMethod(method.getName(), method.getParameterTypes());
            if (md == null) {
                return NONE;
            }
            ExecutableValidator parameters = null;
            Validator warmUp = null;
            ParameterCheck check = null;
            if (constrainsParameters(md)) {
                parameters = validator.forExecutables();
                if (onlyBuiltInParameterConstraints(md)) {
                    warmUp = validator;
                }
                if (choice.shared()) {
                    check = ParameterCheck.compile(method, md);
                }
            }
            ExecutableValidator result = constrains(md.getReturnValueDescriptor()) && !tool.async()
                    ? validator.forExecutables() : null;
            return parameters == null && result == null ? NONE
                    : new ValidationPlan(parameters, result, warmUp, check, method);
        } catch (ValidationException e) {
            problems.add(tool.signature() + ": invalid constraint declaration: " + e.getMessage());
            return null;
        }
    }

    /**
     * Runs Hibernate Validator on the bound values, skipping parameters binding already rejected. When the precompiled
     * check says a cleanly bound call is valid, Hibernate Validator would find nothing, and is not asked.
     */
    void validateParameters(Object target, Object[] values, ArgumentBinder names, Violations out) {
        if (parameterValidator == null) {
            return;
        }
        if (parameterCheck != null && out.isEmpty() && parameterCheck.valid(values)) {
            return;
        }
        List<Violation> found = null;
        for (ConstraintViolation<Object> cv : parameterValidator.validateParameters(target, method, values)) {
            Violation v = toViolation(cv, names);
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

    /** Violations of the declared return-value constraints, empty when there are none or none are declared. */
    List<Violation> validateResult(Object target, Object value, ArgumentBinder names) {
        if (returnValidator == null) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<Object> cv : returnValidator.validateReturnValue(target, method, value)) {
            found.add(toViolation(cv, names));
        }
        Collections.sort(found);
        return found;
    }

    /** Whether valid calls skip Hibernate Validator (see {@link ParameterCheck}); for tests. */
    boolean precompiled() {
        return parameterCheck != null;
    }

    /** Whether the warm-up may validate placeholder arguments: there are constraints, all built-in. */
    boolean warmsUp() {
        return warmUpValidator != null;
    }

    /**
     * Validates placeholder arguments once, so that Hibernate Validator initialises this method's constraint
     * validators and resolves the metadata of cascaded parameter types before the first call. Built-ins only.
     */
    void warmUp(Object target, Object[] placeholders) {
        if (warmUpValidator == null) {
            return;
        }
        parameterValidator.validateParameters(target, method, placeholders);
        for (Class<?> type : method.getParameterTypes()) {
            if (!type.isPrimitive() && !type.getName().startsWith("java.")) {
                warmUpValidator.getConstraintsForClass(type);
            }
        }
    }

    private static Violation toViolation(ConstraintViolation<Object> cv, ArgumentBinder names) {
        StringBuilder path = new StringBuilder();
        int parameter = Integer.MAX_VALUE - 1;
        for (Path.Node node : cv.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> {
                    parameter = node.as(Path.ParameterNode.class).getParameterIndex();
                    path.append(names.name(parameter));
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
                invalid == null ? null : ToolJson.jsonOrText(invalid));
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
}
