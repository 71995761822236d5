package dev.livetools.catalog;

import dev.livetools.tool.ArgumentViolation;
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

    /** The violations in the order the model is told them: by parameter, then path. */
    List<ArgumentViolation> sorted() {
        if (list == null) {
            return List.of();
        }
        Collections.sort(list);
        List<ArgumentViolation> out = new ArrayList<>(list.size());
        for (Violation v : list) {
            out.add(v.toArgumentViolation());
        }
        return out;
    }
}
