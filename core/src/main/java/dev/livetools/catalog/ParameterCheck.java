package dev.livetools.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.MethodDescriptor;
import jakarta.validation.metadata.ParameterDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * A precompiled yes/no answer to "would Hibernate Validator find nothing wrong with these parameters?", for methods
 * whose parameter constraints are all simple built-ins on simple types: {@code @Min}, {@code @Max}, {@code @Positive},
 * {@code @PositiveOrZero}, {@code @Negative}, {@code @NegativeOrZero} on {@code int/long/short/byte} and their boxes;
 * {@code @NotNull} on anything; {@code @NotBlank}, {@code @NotEmpty}, {@code @Size} on {@code String}. It allocates
 * nothing per call.
 *
 * <p>It only ever answers "valid" where Hibernate Validator would: a "no" is not an answer, the caller then asks
 * Hibernate Validator exactly as before, which stays the authority for every violation entry and message. Anything
 * else (another constraint, groups, cascading, container elements, cross-parameter constraints, composed constraints,
 * another type) and {@link #compile} returns {@code null}, so the method always goes to Hibernate Validator.
 */
final class ParameterCheck {

    /** One parameter's combined constraints; {@code null} values are checked by {@code nullValid}. */
    private record Rule(int index, boolean nullValid, boolean numeric, long low, long high, boolean nonBlank,
                        int minLength, int maxLength) {

        boolean test(Object value) {
            if (value == null) {
                return nullValid;
            }
            if (numeric) {
                long v = ((Number) value).longValue();
                return v >= low && v <= high;
            }
            if (minLength > 0 || maxLength < Integer.MAX_VALUE || nonBlank) {
                String s = (String) value;
                int length = s.length();
                if (length < minLength || length > maxLength) {
                    return false;
                }
                return !nonBlank || hasNonTrimmed(s, length);
            }
            return true;
        }

        /**
         * What Hibernate Validator 9's {@code @NotBlank} says ({@code !s.isBlank()}: some code point that is not
         * {@link Character#isWhitespace}), without allocating; HV 8 used {@code trim()}, which also dropped controls.
         */
        private static boolean hasNonTrimmed(String s, int length) {
            for (int i = 0; i < length; ) {
                int cp = s.codePointAt(i);
                if (!Character.isWhitespace(cp)) {
                    return true;
                }
                i += Character.charCount(cp);
            }
            return false;
        }
    }

    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class);

    private final Rule[] rules;

    private ParameterCheck(Rule[] rules) {
        this.rules = rules;
    }

    /** Whether every checked parameter satisfies its constraints; {@code false} means "ask Hibernate Validator". */
    boolean valid(Object[] values) {
        for (Rule r : rules) {
            if (!r.test(values[r.index])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The check for {@code method}, or {@code null} when any of its parameter constraints is outside the supported set.
     *
     * @param md Hibernate Validator's metadata of {@code method}, which includes constraints from XML, programmatic
     *           mappings and overridden methods, so nothing it would check is missed
     */
    static ParameterCheck compile(Method method, MethodDescriptor md) {
        if (md.getCrossParameterDescriptor().hasConstraints()) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes();
        List<ParameterDescriptor> parameters = md.getParameterDescriptors();
        Rule[] rules = new Rule[0];
        for (ParameterDescriptor p : parameters) {
            if (p.isCascaded() || !p.getConstrainedContainerElementTypes().isEmpty()) {
                return null;
            }
            if (!p.hasConstraints()) {
                continue;
            }
            Rule rule = rule(p.getIndex(), types[p.getIndex()], p.getConstraintDescriptors());
            if (rule == null) {
                return null;
            }
            rules = java.util.Arrays.copyOf(rules, rules.length + 1);
            rules[rules.length - 1] = rule;
        }
        return new ParameterCheck(rules);
    }

    private static Rule rule(int index, Class<?> type, Set<ConstraintDescriptor<?>> constraints) {
        boolean nullValid = true;
        boolean numeric = false;
        boolean text = false;
        long low = Long.MIN_VALUE;
        long high = Long.MAX_VALUE;
        boolean nonBlank = false;
        int minLength = 0;
        int maxLength = Integer.MAX_VALUE;
        for (ConstraintDescriptor<?> c : constraints) {
            if (!plain(c)) {
                return null;
            }
            Annotation a = c.getAnnotation();
            if (a instanceof NotNull) {
                nullValid = false;
            } else if (a instanceof Min || a instanceof Max || a instanceof Positive || a instanceof PositiveOrZero
                    || a instanceof Negative || a instanceof NegativeOrZero) {
                if (!INTEGRAL.contains(type)) {
                    return null;
                }
                numeric = true;
                if (a instanceof Min m) {
                    low = Math.max(low, m.value());
                } else if (a instanceof Max m) {
                    high = Math.min(high, m.value());
                } else if (a instanceof Positive) {
                    low = Math.max(low, 1);
                } else if (a instanceof PositiveOrZero) {
                    low = Math.max(low, 0);
                } else if (a instanceof Negative) {
                    high = Math.min(high, -1);
                } else {
                    high = Math.min(high, 0);
                }
            } else if (a instanceof NotBlank || a instanceof NotEmpty || a instanceof Size) {
                if (type != String.class) {
                    return null;
                }
                text = true;
                if (a instanceof NotBlank) {
                    nullValid = false;
                    nonBlank = true;
                } else if (a instanceof NotEmpty) {
                    nullValid = false;
                    minLength = Math.max(minLength, 1);
                } else {
                    Size s = (Size) a;
                    if (s.min() < 0 || s.max() < 0 || s.max() < s.min()) {
                        return null; // Hibernate rejects the declaration itself; let it say so.
                    }
                    minLength = Math.max(minLength, s.min());
                    maxLength = Math.min(maxLength, s.max());
                }
            } else {
                return null;
            }
        }
        return new Rule(index, nullValid, numeric && !text, low, high, nonBlank, minLength, maxLength);
    }

    /** A built-in constraint used as is: default group, no composition, Hibernate's own validator. */
    private static boolean plain(ConstraintDescriptor<?> c) {
        if (!c.getGroups().equals(Set.of(Default.class)) || !c.getComposingConstraints().isEmpty()
                || c.isReportAsSingleViolation()) {
            return false;
        }
        if (!c.getAnnotation().annotationType().getName().startsWith("jakarta.validation.constraints.")) {
            return false;
        }
        for (Class<?> v : c.getConstraintValidatorClasses()) {
            if (!v.getName().startsWith("org.hibernate.validator.internal.")) {
                return false;
            }
        }
        return true;
    }
}
