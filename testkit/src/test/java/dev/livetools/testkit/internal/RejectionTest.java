package dev.livetools.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RejectionTest {

    @Test
    void shortReasonsGoOnTheWireUnchanged() {
        assertThat(Rejection.invalid(Rejection.INVALID_ARGUMENT).wireReason())
                .isEqualTo("Request contains an invalid argument.");
    }

    @Test
    void longReasonsAreCutTo123Bytes() {
        String reason = "x".repeat(200);

        assertThat(Rejection.invalid(reason).wireReason()).hasSize(123);
        assertThat(Rejection.invalid(reason).reason()).hasSize(200);
    }

    @Test
    void theCutNeverSplitsACharacter() {
        String reason = "a" + "é".repeat(100);

        String wire = Rejection.invalid(reason).wireReason();

        assertThat(wire.getBytes(StandardCharsets.UTF_8)).hasSize(123);
        assertThat(wire).endsWith("é");
        assertThat(reason).startsWith(wire);
    }

    @Test
    void surrogatePairsStayWhole() {
        String reason = "ab" + "\uD83D\uDE00".repeat(40);

        String wire = Rejection.invalid(reason).wireReason();

        assertThat(wire.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(Character.isHighSurrogate(wire.charAt(wire.length() - 1))).isFalse();
    }
}
