package dev.livetools.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * What discovery found wrong, one sentence each, with the exception behind a problem where there is one (a
 * constructor or static initializer that threw), so that the {@link ToolDiscoveryException} carries it as its cause.
 */
final class Problems {

    private final List<String> messages = new ArrayList<>();
    private final List<Throwable> causes = new ArrayList<>();
    private final List<String> searched = new ArrayList<>();

    /** Notes where discovery looked and what it found there, for "no tools found" to explain itself. */
    void searched(String note) {
        searched.add(note);
    }

    List<String> searched() {
        return List.copyOf(searched);
    }

    void add(String message) {
        messages.add(message);
    }

    void add(String message, Throwable cause) {
        messages.add(message);
        causes.add(cause);
    }

    int size() {
        return messages.size();
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Prefixes the problems added since {@code from}, e.g. with the plugin jar they were found in. */
    void prefixSince(int from, String prefix) {
        for (int i = from; i < messages.size(); i++) {
            messages.set(i, prefix + messages.get(i));
        }
    }

    ToolDiscoveryException toException() {
        ToolDiscoveryException e = new ToolDiscoveryException(messages);
        for (int i = 0; i < causes.size(); i++) {
            if (i == 0) {
                e.initCause(causes.get(0));
            } else {
                e.addSuppressed(causes.get(i));
            }
        }
        return e;
    }
}
