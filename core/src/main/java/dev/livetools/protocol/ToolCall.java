package dev.livetools.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Server message {@code toolCall}: one or more calls, to be run (possibly in parallel) and answered by id.
 *
 * <p>Each entry of {@code functionCalls} is decoded on its own: one that cannot be read as a call (not an object, no
 * name, args that are not an object, an id that is not a string) does not take its siblings down with it. It lands in
 * {@link #malformed()} with whatever id and name could be read, so a host can answer it (when it has an id) or report
 * it (when it has none): no call is ever dropped silently.
 *
 * @param functionCalls the calls that could be read, in frame order
 * @param malformed     the entries that could not, in frame order; empty for a well-formed frame
 */
public record ToolCall(List<FunctionCall> functionCalls, List<Malformed> malformed) {

    public ToolCall {
        functionCalls = functionCalls == null ? List.of() : List.copyOf(functionCalls);
        malformed = malformed == null ? List.of() : List.copyOf(malformed);
    }

    /** A well-formed {@code toolCall}: every entry is a call. */
    public ToolCall(List<FunctionCall> functionCalls) {
        this(functionCalls, List.of());
    }

    /**
     * A {@code functionCalls} entry that could not be read as a call.
     *
     * @param index   its position in {@code functionCalls}
     * @param id      its id as text when one could be read (a string, or a number written as a string), else
     *                {@code null}: only an entry with an id can be answered
     * @param name    its name when it is a string, else {@code null}
     * @param problem what is wrong, naming the JSON path (never the entry's content)
     */
    public record Malformed(int index, String id, String name, String problem) {

        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
