package dev.livetools.chat;

import dev.livetools.dispatch.CallEvent;
import dev.livetools.session.ConnectionState;
import dev.livetools.session.LiveSessionListener;
import dev.livetools.session.SessionEvent;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Prints a session as a terminal conversation: the model's words as they stream (its text parts, and in AUDIO
 * modality the transcript of its audio), one line per finished tool call with its duration and outcome, and
 * connection changes. An AUDIO answer without any words gets a one-line note instead of silence. Releases a permit
 * when a turn completes so the input loop can send the next line, and tracks the tool calls still running so the end
 * of input can wait for them.
 *
 * <p>Events arrive on the session's event thread; the input loop prints its prompt on the main thread, so both
 * write under the writer's lock.
 */
final class ChatPrinter implements LiveSessionListener {

    static final String AUDIO_NOTE = "(--modality TEXT or livetools voice shows it)";

    private final PrintWriter out;
    private final boolean transcripts;
    private final boolean terminal;
    private final Semaphore turnDone = new Semaphore(0);
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Object finished = new Object();
    private volatile String closedBecause;
    private volatile boolean stopped;
    private boolean midLine;
    private boolean wordsThisTurn;
    private long audioBytesThisTurn;

    /**
     * @param transcripts whether the model answers in audio, whose output transcript is then shown as its words
     * @param terminal    whether a person reads this: the model's words get a {@code model:} prefix
     */
    ChatPrinter(PrintWriter out, boolean transcripts, boolean terminal) {
        this.out = out;
        this.transcripts = transcripts;
        this.terminal = terminal;
    }

    Semaphore turnDone() {
        return turnDone;
    }

    /** Why the session closed, waiting up to the timeout for its CLOSED event; {@code null} if none came. */
    String awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (finished) {
            while (closedBecause == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(finished, left);
            }
        }
        return closedBecause;
    }

    /** Prints {@code text} (a prompt) where the conversation stands, without a line end. */
    void prompt(String text) {
        synchronized (out) {
            endLine();
            out.print(text);
            out.flush();
        }
    }

    /**
     * Waits until no tool call is running, the session closed, or the time is up.
     *
     * @return the names of the calls still running, empty when none is
     */
    List<String> awaitToolCalls(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (finished) {
            while (!running.isEmpty() && closedBecause == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(finished, left);
            }
        }
        return running.values().stream().sorted().toList();
    }

    /** Prints nothing more: the command has said its last word and closes the session. */
    void stop() {
        stopped = true;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (stopped) {
            return;
        }
        synchronized (out) {
            print(event);
            out.flush();
        }
    }

    private void print(SessionEvent event) {
        if (event instanceof SessionEvent.Text t && !t.thought()) {
            words(t.text());
        } else if (event instanceof SessionEvent.Transcript t && transcripts
                && t.direction() == SessionEvent.Direction.OUTPUT) {
            words(t.text());
        } else if (event instanceof SessionEvent.Audio a) {
            audioBytesThisTurn += decodedLength(a.chunk().data());
        } else if (event instanceof SessionEvent.ToolCall c) {
            tool(c);
        } else if (event instanceof SessionEvent.Interrupted) {
            line("[interrupted]");
        } else if (event instanceof SessionEvent.TurnComplete) {
            turnComplete();
        } else if (event instanceof SessionEvent.Connection c) {
            connection(c);
        }
    }

    private void words(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!midLine && terminal) {
            out.print("model: ");
        }
        out.print(text);
        wordsThisTurn = true;
        midLine = !text.endsWith("\n");
    }

    private void turnComplete() {
        if (!wordsThisTurn && audioBytesThisTurn > 0) {
            line("[audio] the model answered in audio (" + audioBytesThisTurn + " bytes) without a transcript "
                    + AUDIO_NOTE);
        }
        endLine();
        wordsThisTurn = false;
        audioBytesThisTurn = 0;
        turnDone.release();
    }

    private void tool(SessionEvent.ToolCall c) {
        String what = switch (c.stage()) {
            case FINISHED -> "ok";
            case FAILED -> "failed: " + c.detail();
            case CANCELLED -> "cancelled";
            case UNANSWERED -> "unanswered: " + c.detail();
            default -> null;
        };
        if (c.stage() == CallEvent.Kind.QUEUED && c.callId() != null) {
            running.put(c.callId(), c.name());
        }
        if (c.isFinal() && c.callId() != null) {
            running.remove(c.callId());
        }
        if (what != null) {
            line("[tool] " + c.name() + " " + c.elapsed().toMillis() + " ms " + what);
            wakeWaiters();
        }
    }

    private void connection(SessionEvent.Connection c) {
        if (c.state() == ConnectionState.RECONNECTING || c.state() == ConnectionState.RESUMED
                || c.state() == ConnectionState.HANDING_OVER) {
            line("[session] " + c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (c.detail() == null ? "" : ": " + c.detail()));
        } else if (c.state() == ConnectionState.CLOSED) {
            // Not printed here: the command reports the end once, with this reason (or connect() throws it).
            closedBecause = c.detail() == null ? "closed" : c.detail();
            endLine();
            turnDone.release(); // nothing more will come: let the input loop finish
            wakeWaiters();
        }
    }

    /** The byte count of base64 text, without decoding it (audio arrives by the hundred kilobytes). */
    private static long decodedLength(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return Math.max(0, base64.length() * 3L / 4 - padding);
    }

    private void wakeWaiters() {
        synchronized (finished) {
            finished.notifyAll();
        }
    }

    private void line(String text) {
        endLine();
        out.println(text);
    }

    private void endLine() {
        if (midLine) {
            out.println();
            midLine = false;
        }
    }
}
