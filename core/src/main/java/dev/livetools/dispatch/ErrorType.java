package dev.livetools.dispatch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code error.type} of a failed call's response, also reported to a {@link DispatchListener}. */
public enum ErrorType {
    /** The model called a name the catalog does not have; the error lists the valid names. */
    UNKNOWN_TOOL,
    /** The arguments could not be bound or failed validation; the error has one entry per violation. */
    INVALID_ARGUMENT,
    /** The tool threw a {@link dev.livetools.sdk.ToolException}: its message, retryable flag and details. */
    TOOL_ERROR,
    /** The tool threw anything else, or produced a result that could not be sent: class and message only. */
    INTERNAL,
    /** The call did not finish before its deadline; the method was interrupted. */
    DEADLINE_EXCEEDED,
    /** The dispatcher was closed or could not start the call. */
    UNAVAILABLE;

    /**
     * The simplest error response of this type, {@code {"error": {"type": ..., "message": ...}}}: the one builder of
     * it, for the dispatcher and for a live session that must answer a call it cannot run.
     *
     * @param message what the model is told
     * @return a new response object
     */
    public ObjectNode response(String message) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.putObject("error").put("type", name()).put("message", message);
        return response;
    }
}
