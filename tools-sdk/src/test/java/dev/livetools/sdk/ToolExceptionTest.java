package dev.livetools.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolExceptionTest {

    @Test
    void detailsAreCopiedSoLaterChangesToTheCallersMapDoNotLeakIn() {
        Map<String, Object> details = new HashMap<>();
        details.put("validRooms", "kitchen, hall");
        ToolException e = new ToolException("no such room", true, details);
        details.put("sneaky", 1);

        assertThat(e.details()).containsOnlyKeys("validRooms");
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void messageIsRequired() {
        assertThatThrownBy(() -> new ToolException(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void causeIsKeptForLogsButMessageStaysTheAuthors() {
        ToolException e = new ToolException("thermostat offline", new IllegalStateException("socket reset"));
        assertThat(e.getMessage()).isEqualTo("thermostat offline");
        assertThat(e.getCause()).hasMessage("socket reset");
    }
}
