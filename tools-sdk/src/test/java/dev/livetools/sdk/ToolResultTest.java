package dev.livetools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolResultTest {

    @Test
    void plainResultHasNoSchedulingSoTheToolDefaultApplies() {
        assertThat(ToolResult.of("done").scheduling()).isEmpty();
    }

    @Test
    void withSchedulingKeepsTheValueAndLeavesTheOriginalUntouched() {
        ToolResult plain = ToolResult.of(42);
        ToolResult loud = plain.withScheduling(Scheduling.INTERRUPT);

        assertThat(loud.value()).isEqualTo(42);
        assertThat(loud.scheduling()).contains(Scheduling.INTERRUPT);
        assertThat(plain.scheduling()).isEmpty();
    }

    @Test
    void schedulingCannotBeNull() {
        assertThatThrownBy(() -> ToolResult.of(1).withScheduling(null)).isInstanceOf(NullPointerException.class);
    }
}
