package dev.livetools.protocol;

/**
 * {@code setup.contextWindowCompression}: when the context reaches {@code triggerTokens} (default 80% of the window)
 * the server drops the oldest turns down to {@code slidingWindow.targetTokens} (default half of the trigger). Makes
 * sessions unlimited in length.
 */
public record ContextWindowCompression(Long triggerTokens, SlidingWindow slidingWindow) {

    public ContextWindowCompression {
        if (triggerTokens != null && triggerTokens <= 0) {
            throw new IllegalArgumentException("contextWindowCompression.triggerTokens must be positive: "
                    + triggerTokens);
        }
    }

    /** A sliding window with the server's defaults. */
    public static ContextWindowCompression withSlidingWindow() {
        return new ContextWindowCompression(null, new SlidingWindow(null));
    }

    public static ContextWindowCompression withSlidingWindow(long triggerTokens, long targetTokens) {
        if (targetTokens <= 0 || targetTokens >= triggerTokens) {
            throw new IllegalArgumentException("contextWindowCompression: targetTokens (" + targetTokens
                    + ") must be positive and below triggerTokens (" + triggerTokens + ")");
        }
        return new ContextWindowCompression(triggerTokens, new SlidingWindow(targetTokens));
    }

    /** {@code slidingWindow {targetTokens}}. */
    public record SlidingWindow(Long targetTokens) {
    }
}
