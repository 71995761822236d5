package dev.livetools.session;

import java.util.Locale;

/** Close codes of the Live service in words a person understands (live-protocol.md §7), and whether to retry. */
final class CloseCodes {

    private CloseCodes() {
    }

    /** What {@code code} with {@code reason} means for the user. */
    public static String explain(int code, String reason) {
        String r = reason == null ? "" : reason;
        String lower = r.toLowerCase(Locale.ROOT);
        String meaning = switch (code) {
            case 1000 -> "the connection was closed normally";
            case 1006, -1 -> "the connection was lost or refused without a close frame (network failure, a rejected "
                    + "handshake such as a bad key or a 429, or an idle proxy)";
            case 1007 -> lower.contains("api key") ? "the API key was rejected; check or renew GEMINI_API_KEY"
                    : lower.contains("location") ? "the Live API is not available from this location"
                    : "the server rejected a message as invalid (an unsupported setup field or tool schema, a second "
                    + "setup, or clientContent the model does not accept)";
            case 1008 -> lower.contains("session not found")
                    ? "the resumption handle is stale or unknown; a new session is needed"
                    : lower.contains("not found") || lower.contains("publisher model")
                    ? "the model does not exist for this API version or does not support the Live API; check --model"
                    : "the server refused the request by policy (an operation it does not support or allow)";
            case 1011 -> lower.contains("quota") ? "your quota is exhausted; check your plan and billing"
                    : lower.contains("deadline") ? "the connection reached its time limit (after goAway)"
                    : "the server hit an internal error";
            default -> "the server closed the connection";
        };
        return "close code " + code + (r.isEmpty() ? "" : " \"" + r + "\"") + ": " + meaning;
    }

    /** Whether reconnecting (with resumption) can help. */
    public static boolean retryable(int code, String reason) {
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        return switch (code) {
            case 1007 -> false;
            case 1008 -> lower.contains("session not found");
            case 1011 -> !lower.contains("quota");
            case 1000 -> false;
            default -> true;
        };
    }

    /** The stale-handle close: retry, but as a new session without the handle. */
    public static boolean staleHandle(int code, String reason) {
        return code == 1008 && reason != null && reason.toLowerCase(Locale.ROOT).contains("session not found");
    }
}
