package dev.livetools.protocol;

import java.time.Duration;

/**
 * Server message {@code voiceActivity}: {@code type} is {@code ACTIVITY_START} or {@code ACTIVITY_END} (the SDKs call
 * it {@code voiceActivityType}); {@code audioOffset} is where in the input audio it happened, if sent.
 */
public record VoiceActivity(String type, Duration audioOffset) {
}
