package dev.livetools.protocol;

/**
 * Server message {@code sessionResumptionUpdate}. While the model generates or a tool call runs the server sends
 * {@code resumable:false} with no handle: keep the last good one. {@code lastConsumedClientMessageIndex} (an int64
 * string on the wire) comes only with Vertex's transparent resumption.
 */
public record SessionResumptionUpdate(String newHandle, boolean resumable, Long lastConsumedClientMessageIndex) {

    /** True when this update carries a handle a reconnect can use. */
    public boolean hasUsableHandle() {
        return resumable && newHandle != null && !newHandle.isEmpty();
    }
}
