package dev.livetools.schema;

import dev.livetools.protocol.Schema;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Carries Jakarta Validation constraints into a schema: into {@code minimum}/{@code maximum}, lengths, item counts and
 * {@code pattern} where Gemini's subset has a field for them, and into a sentence of the description where it has
 * not (exclusive bounds on numbers, {@code @Email}, {@code @Past}, ...). It never sets a {@code format}: the service
 * accepts none of the ones a constraint could name. The validator still enforces every constraint
 * at call time; the schema only helps the model get it right the first time.
 */
final class Constraints {

    private static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+$";

    private Constraints() {
    }

    /** The annotations with any {@code X.List} containers (repeated constraints) unpacked, duplicates removed. */
    static List<Annotation> flatten(List<Annotation> annotations) {
        Set<Annotation> out = new LinkedHashSet<>();
        for (Annotation a : annotations) {
            Annotation[] contained = repeated(a);
            if (contained == null) {
                out.add(a);
            } else {
                out.addAll(Arrays.asList(contained));
            }
        }
        return List.copyOf(out);
    }

    /** Whether a constraint forbids {@code null}: such a property is always required. */
    static boolean forbidsNull(List<Annotation> annotations) {
        return annotations.stream().anyMatch(a -> a instanceof NotNull || a instanceof NotBlank
                || a instanceof NotEmpty);
    }

    /** {@code schema} narrowed by every constraint in {@code annotations}; other annotations are ignored. */
    static Schema apply(Schema schema, List<Annotation> annotations) {
        Bounds bounds = Bounds.of(schema);
        List<String> notes = new ArrayList<>();
        Schema s = schema;
        for (Annotation a : flatten(annotations)) {
            s = applyOne(s, a, bounds, notes);
        }
        s = bounds.applyTo(s, notes);
        for (String note : notes) {
            s = Descriptions.append(s, note);
        }
        return s;
    }

    private static Schema applyOne(Schema s, Annotation a, Bounds bounds, List<String> notes) {
        if (a instanceof Min min) {
            bounds.lower(BigDecimal.valueOf(min.value()), true);
        } else if (a instanceof Max max) {
            bounds.upper(BigDecimal.valueOf(max.value()), true);
        } else if (a instanceof DecimalMin min) {
            bounds.lower(new BigDecimal(min.value()), min.inclusive());
        } else if (a instanceof DecimalMax max) {
            bounds.upper(new BigDecimal(max.value()), max.inclusive());
        } else if (a instanceof Positive) {
            bounds.lower(BigDecimal.ZERO, false);
        } else if (a instanceof PositiveOrZero) {
            bounds.lower(BigDecimal.ZERO, true);
        } else if (a instanceof Negative) {
            bounds.upper(BigDecimal.ZERO, false);
        } else if (a instanceof NegativeOrZero) {
            bounds.upper(BigDecimal.ZERO, true);
        } else if (a instanceof Size size) {
            return size(s, size.min(), size.max(), notes);
        } else if (a instanceof NotEmpty) {
            return size(s, 1, Integer.MAX_VALUE, notes);
        } else if (a instanceof NotBlank) {
            notes.add("Must not be blank.");
            return size(s, 1, Integer.MAX_VALUE, notes);
        } else if (a instanceof Pattern pattern) {
            return pattern(s, pattern.regexp(), pattern.flags(), notes);
        } else if (a instanceof Email email) {
            // No format: the service refuses "email" (SchemaRules); the pattern and the note carry it.
            notes.add("Must be an email address.");
            if (!email.regexp().equals(".*")) {
                return pattern(s, email.regexp(), email.flags(), notes);
            }
            return s.pattern() == null && s.type() == Schema.Type.STRING ? s.withPattern(EMAIL_PATTERN) : s;
        } else if (a instanceof Digits digits) {
            notes.add("At most " + digits.integer() + " integer digits and " + digits.fraction()
                    + " fraction digits.");
        } else if (a instanceof Past) {
            notes.add("Must be in the past.");
        } else if (a instanceof PastOrPresent) {
            notes.add("Must be in the past or now.");
        } else if (a instanceof Future) {
            notes.add("Must be in the future.");
        } else if (a instanceof FutureOrPresent) {
            notes.add("Must be now or in the future.");
        } else if (a instanceof AssertTrue) {
            notes.add("Must be true.");
        } else if (a instanceof AssertFalse) {
            notes.add("Must be false.");
        }
        return s;
    }

    private static Schema size(Schema s, int min, int max, List<String> notes) {
        Long lo = min > 0 ? (long) min : null;
        Long hi = max < Integer.MAX_VALUE ? (long) max : null;
        return switch (s.type()) {
            case STRING -> s.withLength(tighterMin(s.minLength(), lo), tighterMax(s.maxLength(), hi));
            case ARRAY -> s.withItemCount(tighterMin(s.minItems(), lo), tighterMax(s.maxItems(), hi));
            case OBJECT -> s.withPropertyCount(tighterMin(s.minProperties(), lo), tighterMax(s.maxProperties(), hi));
            default -> {
                notes.add("Size between " + min + " and " + max + ".");
                yield s;
            }
        };
    }

    private static Schema pattern(Schema s, String regexp, Pattern.Flag[] flags, List<String> notes) {
        if (s.type() != Schema.Type.STRING) {
            notes.add("Must match the regular expression " + regexp + ".");
            return s;
        }
        if (flags.length > 0) {
            notes.add("Pattern flags: " + Arrays.stream(flags).map(Enum::name).collect(Collectors.joining(", "))
                    + ".");
        }
        if (s.pattern() != null && !s.pattern().equals(EMAIL_PATTERN) && !s.pattern().equals(regexp)) {
            // The subset has room for one pattern: keep the first, state the second.
            notes.add("Must also match the regular expression " + regexp + ".");
            return s;
        }
        return s.withPattern(regexp);
    }

    private static Long tighterMin(Long current, Long candidate) {
        if (current == null || candidate == null) {
            return current == null ? candidate : current;
        }
        return Long.valueOf(Math.max(current, candidate));
    }

    private static Long tighterMax(Long current, Long candidate) {
        if (current == null || candidate == null) {
            return current == null ? candidate : current;
        }
        return Long.valueOf(Math.min(current, candidate));
    }

    private static Annotation[] repeated(Annotation container) {
        try {
            Method value = container.annotationType().getMethod("value");
            if (value.getReturnType().isArray() && value.getReturnType().getComponentType().isAnnotation()
                    && container.annotationType().getName().startsWith("jakarta.validation.")) {
                return (Annotation[]) value.invoke(container);
            }
        } catch (ReflectiveOperationException e) {
            // Not a container: it has no value() array of annotations.
        }
        return null;
    }

    /** Lower and upper numeric bounds, each inclusive or exclusive, tightened one constraint at a time. */
    private static final class Bounds {
        private BigDecimal lower;
        private boolean lowerInclusive = true;
        private BigDecimal upper;
        private boolean upperInclusive = true;

        static Bounds of(Schema s) {
            Bounds b = new Bounds();
            b.lower = s.minimum();
            b.upper = s.maximum();
            return b;
        }

        void lower(BigDecimal value, boolean inclusive) {
            int cmp = lower == null ? 1 : value.compareTo(lower);
            if (cmp > 0 || cmp == 0 && !inclusive) {
                lower = value;
                lowerInclusive = inclusive;
            }
        }

        void upper(BigDecimal value, boolean inclusive) {
            int cmp = upper == null ? -1 : value.compareTo(upper);
            if (cmp < 0 || cmp == 0 && !inclusive) {
                upper = value;
                upperInclusive = inclusive;
            }
        }

        Schema applyTo(Schema s, List<String> notes) {
            if (lower == null && upper == null) {
                return s;
            }
            if (s.type() == Schema.Type.INTEGER) {
                // Integers make every bound inclusive: > 0 is >= 1, <= 2.5 is <= 2.
                BigDecimal lo = lower == null ? null : lowerInclusive
                        ? lower.setScale(0, RoundingMode.CEILING) : lower.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
                BigDecimal hi = upper == null ? null : upperInclusive
                        ? upper.setScale(0, RoundingMode.FLOOR) : upper.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
                return s.withRange(lo, hi);
            }
            if (s.type() == Schema.Type.NUMBER) {
                // The subset has no exclusiveMinimum: keep the bound and say it is exclusive.
                if (lower != null && !lowerInclusive) {
                    notes.add("Must be greater than " + lower.toPlainString() + ".");
                }
                if (upper != null && !upperInclusive) {
                    notes.add("Must be less than " + upper.toPlainString() + ".");
                }
                return s.withRange(lower, upper);
            }
            if (lower != null) {
                notes.add("Must be " + (lowerInclusive ? "at least " : "greater than ") + lower.toPlainString() + ".");
            }
            if (upper != null) {
                notes.add("Must be " + (upperInclusive ? "at most " : "less than ") + upper.toPlainString() + ".");
            }
            return s;
        }
    }
}
