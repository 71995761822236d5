package dev.livetools.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The call ids seen lately. Gemini Live can deliver one call twice (protocol Gotcha 6); remembering a bounded number
 * of ids catches that without growing for the length of a session.
 */
final class RecentIds {

    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(64, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code id}; {@code false} when it was already seen. */
    synchronized boolean firstSighting(String id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
