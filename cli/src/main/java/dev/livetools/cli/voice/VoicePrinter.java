package dev.livetools.cli.voice;

import dev.livetools.audio.PlaybackStats;
import dev.livetools.audio.Speaker;
import dev.livetools.audio.ToolCallRecorder;
import dev.livetools.audio.VoiceListener;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.dispatch.CallEvent;
import dev.livetools.session.SessionEvent;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a voice conversation as it happens: transcript pieces as they arrive (a new line when the speaker changes),
 * each tool call with its arguments, outcome and duration, interruptions, and with {@code --timings} the time from
 * the end of the user's speech to the model's first audio.
 */
final class VoicePrinter implements VoiceListener, ToolCallRecorder.Listener {

    private final PrintWriter out;
    private final boolean timings;
    private final long start = System.nanoTime();
    private final Map<String, FunctionCall> calls = new ConcurrentHashMap<>();
    private Speaker speaking;
    private int toolCalls;

    VoicePrinter(PrintWriter out, boolean timings) {
        this.out = out;
        this.timings = timings;
    }

    @Override
    public synchronized void transcript(Speaker who, String text, boolean finished) {
        if (text.isEmpty()) {
            return;
        }
        if (speaking != who) {
            endLine();
            out.print(stamp() + "  " + (who == Speaker.USER ? "user " : "model") + "  " + text.stripLeading());
            speaking = who;
        } else {
            out.print(text);
        }
        out.flush();
    }

    @Override
    public void called(FunctionCall call) {
        if (call.id() != null) {
            calls.put(call.id(), call);
            synchronized (calls) {
                calls.notifyAll();
            }
        }
    }

    /**
     * The call's arguments. The session reports a call (on its event thread) just before it hands the call to the
     * runner (on the read thread), so they can be a moment behind; wait for them briefly rather than print none.
     */
    private FunctionCall awaitCall(String id) {
        long deadline = System.nanoTime() + 200_000_000L;
        synchronized (calls) {
            FunctionCall call;
            while ((call = calls.get(id)) == null && System.nanoTime() < deadline) {
                try {
                    calls.wait(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return call;
        }
    }

    @Override
    public void answered(ToolCallRecorder.Answer answer) {
    }

    @Override
    public synchronized void toolCall(SessionEvent.ToolCall event) {
        switch (event.stage()) {
            case QUEUED -> {
                toolCalls++;
                FunctionCall call = event.callId() == null ? null : awaitCall(event.callId());
                line("model  -> " + event.name() + "(" + (call == null ? "" : args(call)) + ")"
                        + (event.callId() == null ? "" : "   [" + event.callId() + "]"));
            }
            case FINISHED -> line("tool   <- " + event.name() + " ok in " + event.elapsed().toMillis() + " ms");
            case FAILED -> line("tool   <- " + event.name() + " error in " + event.elapsed().toMillis() + " ms: "
                    + event.detail());
            case CANCELLED -> line("model  x  cancels " + event.name() + " [" + event.callId() + "]");
            case UNANSWERED -> line("tool   <- " + event.name() + " unanswered: " + event.detail());
            default -> {
            }
        }
        if (timings && (event.stage() == CallEvent.Kind.FINISHED
                || event.stage() == CallEvent.Kind.FAILED)) {
            line("timing tool " + event.name() + " " + event.elapsed().toMillis() + " ms");
        }
    }

    @Override
    public synchronized void turnTiming(Duration userSpeechEndToModelAudio) {
        if (timings) {
            line("timing end of user audio -> first model audio " + userSpeechEndToModelAudio.toMillis() + " ms");
        }
    }

    @Override
    public synchronized void interrupted(PlaybackStats stats) {
        line("model  (interrupted: " + stats.dropped().toMillis() + " ms of unplayed audio dropped so far)");
    }

    @Override
    public synchronized void turnComplete() {
        endLine();
    }

    @Override
    public synchronized void inputEnded(Duration sent) {
        line("user   (input ended after " + String.format("%.2f", sent.toMillis() / 1000.0) + " s of audio)");
    }

    synchronized int toolCalls() {
        return toolCalls;
    }

    synchronized void line(String text) {
        endLine();
        out.println(stamp() + "  " + text);
        out.flush();
    }

    private void endLine() {
        if (speaking != null) {
            out.println();
            speaking = null;
        }
    }

    private String stamp() {
        return String.format("%7.3fs", (System.nanoTime() - start) / 1e9);
    }

    private static String args(FunctionCall call) {
        StringBuilder b = new StringBuilder();
        call.args().fields().forEachRemaining(e -> {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        });
        return b.toString();
    }
}
