package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Integer fields as proto3 JSON allows them (a number, a decimal string, a whole number written as a float) and the
 * values that do not fit: read exactly at the limits, refused one past them, with the field's path, never clamped.
 */
class NumberFieldsTest {

    private final LiveCodec codec = new LiveCodec();

    private Setup setupWith(String generationConfig) {
        return (Setup) codec.decodeClient("{\"setup\":{\"model\":\"models/m\",\"generationConfig\":" + generationConfig
                + "}}");
    }

    @Test
    void anInt32FieldReadsItsLimitsExactly() {
        assertThat(setupWith("{\"maxOutputTokens\":2147483647}").generationConfig().maxOutputTokens())
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(setupWith("{\"maxOutputTokens\":-2147483648}").generationConfig().maxOutputTokens())
                .isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void anInt32FieldRefusesOnePastEitherLimitNamingTheField() {
        assertThatThrownBy(() -> setupWith("{\"maxOutputTokens\":2147483648}"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("maxOutputTokens").hasMessageContaining("32-bit");
        assertThatThrownBy(() -> setupWith("{\"topK\":-2147483649}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("topK");
    }

    @Test
    void anInt64FieldReadsANumberADecimalStringAndAWholeFloat() {
        assertThat(setupWith("{\"seed\":9223372036854775807}").generationConfig().seed()).isEqualTo(Long.MAX_VALUE);
        assertThat(setupWith("{\"seed\":\" 42 \"}").generationConfig().seed()).isEqualTo(42L);
        assertThat(setupWith("{\"seed\":42.0}").generationConfig().seed()).isEqualTo(42L);
        assertThat(setupWith("{\"seed\":-9.223372036854775808E18}").generationConfig().seed())
                .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void anInt64FieldRefusesAFractionAndAWholeNumberBeyondItsRangeInsteadOfClampingIt() {
        assertThatThrownBy(() -> setupWith("{\"seed\":1.5}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> setupWith("{\"seed\":100000000000000000000}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> setupWith("{\"seed\":9223372036854775808}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> setupWith("{\"seed\":1e20}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("seed");
    }

    @Test
    void theCamelCaseSpellingWinsOverSnakeCaseInEitherOrder() {
        assertThat(setupWith("{\"top_k\":1,\"topK\":2}").generationConfig().topK()).isEqualTo(2);
        assertThat(setupWith("{\"topK\":2,\"top_k\":1}").generationConfig().topK()).isEqualTo(2);
    }
}
