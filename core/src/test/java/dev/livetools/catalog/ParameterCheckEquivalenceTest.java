package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.MethodDescriptor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The precompiled check says "valid" exactly when Hibernate Validator finds no violation, for every supported
 * constraint on every supported type, over boundaries, the limits of each type, null and odd strings.
 */
class ParameterCheckEquivalenceTest {

    private static final Validator HV = SharedValidation.validator();

    /** One method per supported constraint/type combination, each with one parameter. */
    public static final class Supported {
        public void minInt(@Min(-5) int v) { }
        public void maxInt(@Max(100) int v) { }
        public void rangeInt(@Min(0) @Max(100) int v) { }
        public void minBeyondInt(@Min(Integer.MAX_VALUE + 1L) int v) { }
        public void maxBelowInt(@Max(Integer.MIN_VALUE - 1L) int v) { }
        public void minLongExtreme(@Min(Long.MIN_VALUE) long v) { }
        public void maxLongExtreme(@Max(Long.MAX_VALUE) long v) { }
        public void rangeLong(@Min(-100) @Max(100) long v) { }
        public void minLong(@Min(Long.MAX_VALUE) long v) { }
        public void rangeShort(@Min(-1) @Max(300) short v) { }
        public void rangeByte(@Min(-3) @Max(7) byte v) { }
        public void minBoxedInt(@Min(1) Integer v) { }
        public void maxBoxedLong(@Max(-1) Long v) { }
        public void rangeBoxedShort(@Min(0) @Max(10) Short v) { }
        public void rangeBoxedByte(@Min(-128) @Max(0) Byte v) { }
        public void notNullBoxedInt(@NotNull @Min(0) Integer v) { }
        public void emptyRange(@Min(10) @Max(5) int v) { }
        public void positiveInt(@Positive int v) { }
        public void positiveOrZeroLong(@PositiveOrZero long v) { }
        public void negativeShort(@Negative short v) { }
        public void negativeOrZeroByte(@NegativeOrZero byte v) { }
        public void positiveBoxedInt(@Positive Integer v) { }
        public void positiveOrZeroBoxedLong(@PositiveOrZero Long v) { }
        public void negativeBoxedInt(@Negative Integer v) { }
        public void negativeOrZeroBoxedLong(@NegativeOrZero Long v) { }
        public void positiveWithMax(@Positive @Max(50) int v) { }
        public void notNullString(@NotNull String v) { }
        public void notNullInteger(@NotNull Integer v) { }
        public void notNullPrimitive(@NotNull int v) { }
        public void notBlank(@NotBlank String v) { }
        public void notEmpty(@NotEmpty String v) { }
        public void sizeMin(@Size(min = 2) String v) { }
        public void sizeMax(@Size(max = 3) String v) { }
        public void sizeRange(@Size(min = 1, max = 4) String v) { }
        public void sizeExact(@Size(min = 0, max = 0) String v) { }
        public void notBlankSized(@NotBlank @Size(max = 5) String v) { }
        public void notEmptySized(@NotEmpty @Size(min = 3) String v) { }
        public void notNullSized(@NotNull @Size(min = 1, max = 2) String v) { }
        public void repeatedMin(@Min.List({@Min(3), @Min(5)}) int v) { }
    }

    /** Each of these must always go to Hibernate Validator. */
    public static final class Unsupported {
        public record Point(@Min(0) int x) { }

        public interface Extra { }

        public void decimalMin(@DecimalMin("1.5") int v) { }
        public void pattern(@Pattern(regexp = "a+") String v) { }
        public void minOnString(@Min(3) String v) { }
        public void minOnDouble(@Min(3) double v) { }
        public void minOnBigDecimal(@Min(3) java.math.BigDecimal v) { }
        public void notBlankOnCharSequence(@NotBlank CharSequence v) { }
        public void sizeOnList(@Size(max = 2) List<String> v) { }
        public void cascade(@Valid Point p) { }
        public void elements(List<@NotBlank String> v) { }
        public void optionalElement(Optional<@Min(1) Integer> v) { }
        public void grouped(@Min(value = 1, groups = Extra.class) int v) { }
        public void oneOfTwoUnsupported(@Min(1) int a, @Pattern(regexp = "x") String b) { }
    }

    private static final long[] LONGS = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MIN_VALUE - 1L, Integer.MIN_VALUE,
            Integer.MIN_VALUE + 1, -32769, -32768, -32767, -301, -300, -129, -128, -127, -101, -100, -99, -6, -5, -4,
            -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 49, 50, 51, 99, 100, 101, 126, 127, 128, 299, 300, 301,
            32766, 32767, 32768, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MAX_VALUE - 1,
            Long.MAX_VALUE};

    private static final String[] STRINGS = {null, "", " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u001f", "\u0020x",
            "\u007f", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u2028", " a ", "a", "ab", "abc", "abcd",
            "abcde", "abcdef", "  ab  ", "\t\tx", "\ud83d\ude00", "\ud83d\ude00\ud83d\ude00", "\ud83d", "é", "日本語"};

    private static List<Object> valuesFor(Class<?> type) {
        List<Object> values = new ArrayList<>();
        if (!type.isPrimitive()) {
            values.add(null);
        }
        for (long l : LONGS) {
            if (type == int.class || type == Integer.class) {
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                    values.add((int) l);
                }
            } else if (type == long.class || type == Long.class) {
                values.add(l);
            } else if (type == short.class || type == Short.class) {
                if (l >= Short.MIN_VALUE && l <= Short.MAX_VALUE) {
                    values.add((short) l);
                }
            } else if (type == byte.class || type == Byte.class) {
                if (l >= Byte.MIN_VALUE && l <= Byte.MAX_VALUE) {
                    values.add((byte) l);
                }
            }
        }
        if (type == String.class) {
            values.addAll(Arrays.asList(STRINGS));
        }
        return values;
    }

    private static List<Method> methods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic())
                .sorted(Comparator.comparing(Method::getName)).toList();
    }

    private static ParameterCheck compile(Method m) {
        MethodDescriptor md = HV.getConstraintsForClass(m.getDeclaringClass())
                .getConstraintsForMethod(m.getName(), m.getParameterTypes());
        assertThat(md).as(m.getName()).isNotNull();
        return ParameterCheck.compile(m, md);
    }

    @Test
    void everySupportedCombinationIsPrecompiled() {
        for (Method m : methods(Supported.class)) {
            assertThat(compile(m)).as(m.getName()).isNotNull();
        }
    }

    @Test
    void verdictsMatchHibernateValidatorForEverySupportedCombination() {
        Supported target = new Supported();
        int compared = 0;
        for (Method m : methods(Supported.class)) {
            ParameterCheck check = compile(m);
            List<Object> values = valuesFor(m.getParameterTypes()[0]);
            assertThat(values).as(m.getName()).hasSizeGreaterThan(10);
            for (Object value : values) {
                Object[] args = {value};
                boolean hv = HV.forExecutables().validateParameters(target, m, args).isEmpty();
                assertThat(check.valid(args)).as("%s(%s)", m.getName(), describe(value)).isEqualTo(hv);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void bothVerdictsOccurForEverySupportedCombinationExceptTheDegenerateOnes() {
        List<String> neverValid = List.of("minBeyondInt", "maxBelowInt", "emptyRange");
        List<String> alwaysValid = List.of("minLongExtreme", "maxLongExtreme", "notNullPrimitive");
        for (Method m : methods(Supported.class)) {
            ParameterCheck check = compile(m);
            List<Boolean> verdicts = valuesFor(m.getParameterTypes()[0]).stream()
                    .map(v -> check.valid(new Object[]{v})).distinct().toList();
            if (neverValid.contains(m.getName())) {
                assertThat(verdicts).as(m.getName()).containsExactly(false);
            } else if (alwaysValid.contains(m.getName())) {
                assertThat(verdicts).as(m.getName()).containsExactly(true);
            } else {
                assertThat(verdicts).as(m.getName()).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    void aMethodWithOneUnsupportedConstraintIsNotPrecompiled() {
        for (Method m : methods(Unsupported.class)) {
            if (m.getDeclaringClass() == Unsupported.class && !m.getName().startsWith("lambda")) {
                assertThat(compile(m)).as(m.getName()).isNull();
            }
        }
    }

    @Test
    void onlyConstrainedParametersAreChecked() throws Exception {
        Method m = Mixed.class.getMethod("set", String.class, int.class, boolean.class, String.class);
        ParameterCheck check = compile(m);
        assertThat(check.valid(new Object[]{"kitchen", 40, true, null})).isTrue();
        assertThat(check.valid(new Object[]{"kitchen", 101, true, null})).isFalse();
        assertThat(check.valid(new Object[]{" ", 40, true, null})).isFalse();
    }

    public static final class Mixed {
        public void set(@NotBlank String room, @Min(0) @Max(100) int level, boolean on, String note) { }
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            s.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return b.append('"').toString();
        }
        return value + (value == null ? "" : " " + value.getClass().getSimpleName());
    }
}
