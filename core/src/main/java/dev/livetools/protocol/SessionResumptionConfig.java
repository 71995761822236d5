package dev.livetools.protocol;

/**
 * {@code setup.sessionResumption}. Present (even empty) to receive {@code sessionResumptionUpdate}s; {@code handle}
 * resumes an earlier session. {@code transparent} is Vertex-only.
 */
public record SessionResumptionConfig(String handle, Boolean transparent) {

    /** Resumption updates on, new session. */
    public static SessionResumptionConfig enabled() {
        return new SessionResumptionConfig(null, null);
    }

    public static SessionResumptionConfig resume(String handle) {
        return new SessionResumptionConfig(java.util.Objects.requireNonNull(handle, "handle"), null);
    }
}
