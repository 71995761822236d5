package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.protocol.Schema;
import dev.livetools.sdk.LiveTool;
import dev.livetools.sdk.Param;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaConstraintsTest {

    /** One tool per constraint, so each test reads a single parameter's schema. */
    public static final class Constrained {
        @LiveTool public void min(@Min(1) int v) { }
        @LiveTool public void max(@Max(10) long v) { }
        @LiveTool public void minMaxOnNumber(@Min(-5) @Max(5) double v) { }
        @LiveTool public void decimalMinInclusive(@DecimalMin("0.5") double v) { }
        @LiveTool public void decimalMinExclusive(@DecimalMin(value = "0.5", inclusive = false) double v) { }
        @LiveTool public void decimalMaxExclusiveOnInt(@DecimalMax(value = "10", inclusive = false) int v) { }
        @LiveTool public void decimalMaxOnBigDecimal(@DecimalMax("99.99") BigDecimal v) { }
        @LiveTool public void positiveInt(@Positive int v) { }
        @LiveTool public void positiveDouble(@Positive double v) { }
        @LiveTool public void positiveOrZero(@PositiveOrZero Integer v) { }
        @LiveTool public void negative(@Negative long v) { }
        @LiveTool public void negativeOrZero(@NegativeOrZero double v) { }
        @LiveTool public void tighterOfTwoBounds(@Min(3) @Positive @Max(200) byte v) { }
        @LiveTool public void repeatedMin(@Min.List({@Min(3), @Min(5)}) int v) { }
        @LiveTool public void exclusiveWinsAtTheSameLowerBound(@PositiveOrZero @Positive double v) { }
        @LiveTool public void exclusiveWinsAtTheSameUpperBound(@NegativeOrZero @Negative double v) { }
        @LiveTool public void exclusiveStaysAtTheSameLowerBound(@Positive @PositiveOrZero double v) { }
        @LiveTool public void exclusiveStaysAtTheSameUpperBound(@Negative @NegativeOrZero double v) { }
        @LiveTool public void looserUpperBoundIgnored(@Max(5) @Max.List(@Max(50)) int v) { }
        @LiveTool public void sizeOnString(@Size(min = 2, max = 40) String v) { }
        @LiveTool public void sizeOnList(@Size(max = 5) List<String> v) { }
        @LiveTool public void sizeOnArray(@Size(min = 1, max = 3) String[] v) { }
        @LiveTool public void sizeOnMap(@Size(max = 4) Map<String, Integer> v) { }
        @LiveTool public void pattern(@Pattern(regexp = "^[A-Z]{3}$") String v) { }
        @LiveTool public void patternWithFlags(@Pattern(regexp = "^abc$", flags = Pattern.Flag.CASE_INSENSITIVE) String v) { }
        @LiveTool public void twoPatterns(@Pattern(regexp = "^a") @Pattern(regexp = "z$") String v) { }
        @LiveTool public void notBlank(@Param(required = false) @NotBlank String v) { }
        @LiveTool public void notEmptyString(@NotEmpty String v) { }
        @LiveTool public void notEmptyList(@NotEmpty List<Integer> v) { }
        @LiveTool public void notNull(@Param(required = false) @NotNull String v) { }
        @LiveTool public void email(@Email String v) { }
        @LiveTool public void emailWithPattern(@Email @Pattern(regexp = ".+@example\\.com$") String v) { }
        @LiveTool public void elementConstraints(List<@NotBlank @Size(max = 8) String> v) { }
        @LiveTool public void nested(Order v) { }
    }

    public record LineItem(@NotBlank String sku, @Positive @Max(99) int quantity) {
    }

    public record Order(@Size(min = 1) List<LineItem> items,
                        @Param(required = false) @Email String contact,
                        Customer customer) {
    }

    public static final class Customer {
        @Size(max = 20) private String name;
        @NotNull @Param(required = false) private Integer loyaltyLevel;
        @Param(required = false) @PositiveOrZero private Double credit;
    }

    // Built per test, not once in a static field: a static catalog is built by whichever code ran first, and a
    // mutation tester then sees every later change to the schema code as harmless.
    private final ToolCatalog catalog = ToolCatalog.builder().addClasses(Constrained.class).build();

    private Schema param(String tool) {
        Schema parameters = catalog.find(tool).orElseThrow().declaration().parameters();
        return parameters.properties().get("v");
    }

    private boolean required(String tool) {
        List<String> required = catalog.find(tool).orElseThrow().declaration().parameters().required();
        return required != null && required.contains("v");
    }

    @Test
    void aRepeatedConstraintInItsContainerKeepsTheTighterBound() {
        assertThat(Json.of(param("repeatedMin"))).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"minimum\":5}");
    }

    @Test
    void anExclusiveLowerBoundBeatsAnInclusiveOneAtTheSameValue() {
        Schema s = param("exclusiveWinsAtTheSameLowerBound");
        assertThat(s.minimum()).isEqualByComparingTo("0");
        assertThat(s.description()).contains("Must be greater than 0.");
    }

    @Test
    void anExclusiveUpperBoundBeatsAnInclusiveOneAtTheSameValue() {
        Schema s = param("exclusiveWinsAtTheSameUpperBound");
        assertThat(s.maximum()).isEqualByComparingTo("0");
        assertThat(s.description()).contains("Must be less than 0.");
    }

    @Test
    void anInclusiveBoundAfterAnExclusiveOneAtTheSameValueLeavesItExclusive() {
        // The same pair in the other order: whichever comes first, the stricter reading stays.
        assertThat(param("exclusiveStaysAtTheSameLowerBound").description()).contains("Must be greater than 0.");
        assertThat(param("exclusiveStaysAtTheSameUpperBound").description()).contains("Must be less than 0.");
    }

    @Test
    void aLooserUpperBoundDoesNotWidenATighterOne() {
        assertThat(param("looserUpperBoundIgnored").maximum()).isEqualByComparingTo("5");
    }

    @Test
    void minBecomesMinimum() {
        assertThat(Json.of(param("min"))).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"minimum\":1}");
    }

    @Test
    void maxBecomesMaximum() {
        assertThat(Json.of(param("max"))).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int64\",\"maximum\":10}");
    }

    @Test
    void minAndMaxBoundANumber() {
        assertThat(param("minMaxOnNumber").minimum()).isEqualByComparingTo("-5");
        assertThat(param("minMaxOnNumber").maximum()).isEqualByComparingTo("5");
    }

    @Test
    void inclusiveDecimalMinBecomesMinimum() {
        assertThat(Json.of(param("decimalMinInclusive")))
                .isEqualTo("{\"type\":\"NUMBER\",\"format\":\"double\",\"minimum\":0.5}");
    }

    @Test
    void exclusiveDecimalMinOnANumberKeepsTheBoundAndSaysItIsExclusive() {
        assertThat(Json.of(param("decimalMinExclusive"))).isEqualTo("{\"type\":\"NUMBER\",\"format\":\"double\","
                + "\"description\":\"Must be greater than 0.5.\",\"minimum\":0.5}");
    }

    @Test
    void exclusiveDecimalMaxOnAnIntegerBecomesTheNextInclusiveInteger() {
        assertThat(param("decimalMaxExclusiveOnInt").maximum()).isEqualByComparingTo("9");
        assertThat(param("decimalMaxExclusiveOnInt").description()).isNull();
    }

    @Test
    void decimalMaxBoundsABigDecimal() {
        assertThat(Json.of(param("decimalMaxOnBigDecimal"))).isEqualTo(
                "{\"type\":\"NUMBER\",\"description\":\"A decimal number; any precision.\",\"maximum\":99.99}");
    }

    @Test
    void positiveOnAnIntegerMeansMinimumOne() {
        assertThat(param("positiveInt").minimum()).isEqualByComparingTo("1");
    }

    @Test
    void positiveOnANumberMeansMinimumZeroExclusiveStatedInTheDescription() {
        assertThat(param("positiveDouble").minimum()).isEqualByComparingTo("0");
        assertThat(param("positiveDouble").description()).isEqualTo("Must be greater than 0.");
    }

    @Test
    void positiveOrZeroMeansMinimumZero() {
        assertThat(Json.of(param("positiveOrZero"))).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"minimum\":0}");
    }

    @Test
    void negativeOnAnIntegerMeansMaximumMinusOne() {
        assertThat(param("negative").maximum()).isEqualByComparingTo("-1");
    }

    @Test
    void negativeOrZeroMeansMaximumZero() {
        assertThat(Json.of(param("negativeOrZero"))).isEqualTo("{\"type\":\"NUMBER\",\"format\":\"double\",\"maximum\":0}");
    }

    @Test
    void theTightestOfSeveralBoundsWinsIncludingTheTypesOwnRange() {
        assertThat(param("tighterOfTwoBounds").minimum()).isEqualByComparingTo("3");
        assertThat(param("tighterOfTwoBounds").maximum()).isEqualByComparingTo("127");
    }

    @Test
    void sizeOnAStringBecomesMinAndMaxLength() {
        assertThat(Json.of(param("sizeOnString"))).isEqualTo("{\"type\":\"STRING\",\"minLength\":2,\"maxLength\":40}");
    }

    @Test
    void sizeOnAListBecomesMaxItems() {
        assertThat(Json.of(param("sizeOnList"))).isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"maxItems\":5}");
    }

    @Test
    void sizeOnAnArrayCountsItemsAndDoesNotLeakOntoTheElements() {
        assertThat(Json.of(param("sizeOnArray")))
                .isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"minItems\":1,\"maxItems\":3}");
    }

    @Test
    void sizeOnAMapBecomesMaxProperties() {
        assertThat(param("sizeOnMap").maxProperties()).isEqualTo(4L);
    }

    @Test
    void patternBecomesPattern() {
        assertThat(Json.of(param("pattern"))).isEqualTo("{\"type\":\"STRING\",\"pattern\":\"^[A-Z]{3}$\"}");
    }

    @Test
    void patternFlagsAreStatedInTheDescription() {
        assertThat(param("patternWithFlags").pattern()).isEqualTo("^abc$");
        assertThat(param("patternWithFlags").description()).isEqualTo("Pattern flags: CASE_INSENSITIVE.");
    }

    @Test
    void aSecondPatternGoesIntoTheDescription() {
        assertThat(param("twoPatterns").pattern()).isEqualTo("^a");
        assertThat(param("twoPatterns").description()).isEqualTo("Must also match the regular expression z$.");
    }

    @Test
    void notBlankMeansRequiredMinLengthOneAndSaysSo() {
        assertThat(Json.of(param("notBlank")))
                .isEqualTo("{\"type\":\"STRING\",\"description\":\"Must not be blank.\",\"minLength\":1}");
        assertThat(required("notBlank")).isTrue();
    }

    @Test
    void notEmptyOnAStringMeansMinLengthOne() {
        assertThat(Json.of(param("notEmptyString"))).isEqualTo("{\"type\":\"STRING\",\"minLength\":1}");
    }

    @Test
    void notEmptyOnAListMeansMinItemsOne() {
        assertThat(param("notEmptyList").minItems()).isEqualTo(1L);
    }

    @Test
    void notNullMakesAValueRequiredEvenWhenParamSaysOtherwise() {
        assertThat(required("notNull")).isTrue();
    }

    @Test
    void emailGetsALenientPatternAndASentenceButNotTheEmailFormatTheServiceRefuses() {
        assertThat(Json.of(param("email"))).isEqualTo("{\"type\":\"STRING\",\"description\":"
                + "\"Must be an email address.\",\"pattern\":\"^[^@\\\\s]+@[^@\\\\s]+$\"}");
    }

    @Test
    void anExplicitPatternWinsOverTheEmailPattern() {
        assertThat(param("emailWithPattern").pattern()).isEqualTo(".+@example\\.com$");
    }

    @Test
    void constraintsOnTypeArgumentsApplyToTheItems() {
        assertThat(Json.of(param("elementConstraints"))).isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\","
                + "\"description\":\"Must not be blank.\",\"minLength\":1,\"maxLength\":8}}");
    }

    @Test
    void constraintsOnRecordComponentsAndNestedFieldsCount() {
        Schema order = param("nested");
        assertThat(order.properties().get("items").minItems()).isEqualTo(1L);
        Schema item = order.properties().get("items").items();
        assertThat(item.properties().get("sku").minLength()).isEqualTo(1L);
        assertThat(item.properties().get("quantity").minimum()).isEqualByComparingTo("1");
        assertThat(item.properties().get("quantity").maximum()).isEqualByComparingTo("99");
        assertThat(order.properties().get("contact").description()).isEqualTo("Must be an email address.");
        assertThat(order.required()).containsExactly("items", "customer");
        Schema customer = order.properties().get("customer");
        assertThat(customer.properties().get("name").maxLength()).isEqualTo(20L);
        assertThat(customer.properties().get("credit").minimum()).isEqualByComparingTo("0");
        assertThat(customer.required()).containsExactly("name", "loyaltyLevel");
    }
}
