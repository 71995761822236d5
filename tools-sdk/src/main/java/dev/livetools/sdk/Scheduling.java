package dev.livetools.sdk;

/**
 * How the model treats a NON_BLOCKING result when it arrives. Sent as {@code FunctionResponse.scheduling}; never sent
 * for BLOCKING tools.
 */
public enum Scheduling {
    /** Stop what the model is saying and report the result now. */
    INTERRUPT,
    /** Report the result once the model is idle, without interrupting it. */
    WHEN_IDLE,
    /** Add the result to the context without prompting the model to speak. */
    SILENT
}
