package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code setup.realtimeInputConfig}: voice activity detection and what a user turn covers.
 *
 * @param activityHandling {@code START_OF_ACTIVITY_INTERRUPTS} or {@code NO_INTERRUPTION}
 * @param turnCoverage     e.g. {@code TURN_INCLUDES_ONLY_ACTIVITY}
 */
public record RealtimeInputConfig(AutomaticActivityDetection automaticActivityDetection, String activityHandling,
                                  String turnCoverage, Map<String, JsonNode> extra) {

    public RealtimeInputConfig {
        extra = Extra.copy(extra);
    }

    /** Automatic VAD off: the client marks turns with {@code activityStart}/{@code activityEnd}. */
    public static RealtimeInputConfig manualActivity() {
        return new RealtimeInputConfig(new AutomaticActivityDetection(true, null, null, null, null, null), null, null,
                null);
    }

    /**
     * {@code realtimeInputConfig.automaticActivityDetection}.
     *
     * @param startOfSpeechSensitivity {@code START_SENSITIVITY_HIGH|LOW}
     * @param endOfSpeechSensitivity   {@code END_SENSITIVITY_HIGH|LOW}
     */
    public record AutomaticActivityDetection(Boolean disabled, String startOfSpeechSensitivity,
                                             String endOfSpeechSensitivity, Integer prefixPaddingMs,
                                             Integer silenceDurationMs, Map<String, JsonNode> extra) {
        public AutomaticActivityDetection {
            extra = Extra.copy(extra);
        }
    }
}
