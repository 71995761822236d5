package dev.livetools.dispatch.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the violations of one call; allocates nothing on the common path where there are none. */
final class Violations {

    private List<Violation> list;
    private long failedParameters;

    void add(Violation v) {
        if (list == null) {
            list = new ArrayList<>(4);
        }
        list.add(v);
        if (v.parameter() < 64) {
            failedParameters |= 1L << v.parameter();
        }
    }

    boolean isEmpty() {
        return list == null;
    }

    /** Whether binding already rejected this parameter, so validation of its placeholder value is noise. */
    boolean parameterFailed(int index) {
        return index < 64 && (failedParameters & (1L << index)) != 0;
    }

    List<Violation> sorted() {
        if (list == null) {
            return List.of();
        }
        Collections.sort(list);
        return list;
    }
}
