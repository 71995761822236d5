package dev.livetools.chat;

import dev.livetools.session.ConnectionState;
import dev.livetools.session.LiveSessionListener;
import dev.livetools.session.SessionEvent;

import java.io.PrintWriter;
import java.util.concurrent.Semaphore;

/**
 * Prints a session as a terminal conversation: the model's words as they stream (text, or the transcript of its
 * audio), one line per finished tool call with its duration and outcome, and connection changes. Releases a permit
 * when a turn completes so the input loop can send the next line.
 */
final class ChatPrinter implements LiveSessionListener {

    private final PrintWriter out;
    private final boolean printText;
    private final Semaphore turnDone = new Semaphore(0);
    private boolean midLine;

    ChatPrinter(PrintWriter out, boolean printText) {
        this.out = out;
        this.printText = printText;
    }

    Semaphore turnDone() {
        return turnDone;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Text t && printText && !t.thought()) {
            words(t.text());
        } else if (event instanceof SessionEvent.Transcript t && !printText
                && t.direction() == SessionEvent.Direction.OUTPUT) {
            words(t.text());
        } else if (event instanceof SessionEvent.ToolCall c) {
            tool(c);
        } else if (event instanceof SessionEvent.Interrupted) {
            line("[interrupted]");
        } else if (event instanceof SessionEvent.TurnComplete) {
            endLine();
            turnDone.release();
        } else if (event instanceof SessionEvent.Connection c) {
            connection(c);
        }
        out.flush();
    }

    private void words(String text) {
        out.print(text);
        midLine = !text.endsWith("\n");
    }

    private void tool(SessionEvent.ToolCall c) {
        String what = switch (c.stage()) {
            case FINISHED -> "ok";
            case FAILED -> "failed: " + c.detail();
            case CANCELLED -> "cancelled";
            case UNANSWERED -> "unanswered: " + c.detail();
            default -> null;
        };
        if (what != null) {
            line("[tool] " + c.name() + " " + c.elapsed().toMillis() + " ms " + what);
        }
    }

    private void connection(SessionEvent.Connection c) {
        if (c.state() == ConnectionState.RECONNECTING || c.state() == ConnectionState.RESUMED
                || c.state() == ConnectionState.HANDING_OVER) {
            line("[session] " + c.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (c.detail() == null ? "" : ": " + c.detail()));
        } else if (c.state() == ConnectionState.CLOSED) {
            line("[session] closed: " + c.detail());
            turnDone.release(); // nothing more will come: let the input loop finish
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
