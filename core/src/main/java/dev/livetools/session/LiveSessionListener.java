package dev.livetools.session;

/**
 * Receives a {@link LiveSession}'s events in order, on the session's event thread. An exception thrown here is logged
 * and does not affect the session or other listeners. Match on the event type:
 * <pre>{@code
 * session -> event -> {
 *     if (event instanceof SessionEvent.Text t) System.out.print(t.text());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LiveSessionListener {

    void onEvent(SessionEvent event);
}
