package dev.livetools.audio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.session.SessionEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A conversation's transcript as JSON lines, one per utterance or tool call, in the order they happened:
 * <pre>
 * {"time":"2026-12-03T10:15:00.120Z","t":1.52,"who":"user","text":"Turn on the kitchen light"}
 * {"time":"2026-12-03T10:15:00.610Z","t":2.01,"who":"tool","id":"function-call-1","name":"setLight",
 *  "args":{"name":"kitchen"},"outcome":"ok","ms":12,"result":{...}}
 * {"time":"2026-12-03T10:15:00.700Z","t":2.10,"who":"model","text":"The kitchen light is on."}
 * </pre>
 * {@code t} is seconds since the file was opened. Transcript pieces are joined into utterances: the user's ends when
 * the model starts answering (or the service marks it finished), the model's at the end of its turn, an interruption
 * ({@code "interrupted":true}) or a tool call. Thread-safe.
 */
public final class TranscriptFile implements VoiceListener, ToolCallRecorder.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final Map<Speaker, StringBuilder> open = new EnumMap<>(Speaker.class);
    private final Map<Speaker, Instant> openedAt = new EnumMap<>(Speaker.class);
    private final Map<Speaker, Long> openedNanos = new EnumMap<>(Speaker.class);
    private final Map<String, ToolCallRecorder.Answer> answers = new java.util.HashMap<>();
    private boolean closed;

    private TranscriptFile(Path file, BufferedWriter out, Clock clock) {
        this.file = file;
        this.out = out;
        this.clock = clock;
    }

    public static TranscriptFile open(Path file) throws IOException {
        return new TranscriptFile(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void transcript(Speaker who, String text, boolean finished) {
        if (who == Speaker.MODEL) {
            flush(Speaker.USER, false);
        }
        if (!text.isEmpty()) {
            open.computeIfAbsent(who, w -> {
                openedAt.put(w, clock.instant());
                openedNanos.put(w, System.nanoTime());
                return new StringBuilder();
            }).append(text);
        }
        if (finished) {
            flush(who, false);
        }
    }

    @Override
    public synchronized void interrupted(PlaybackStats stats) {
        flush(Speaker.USER, false);
        flush(Speaker.MODEL, true);
    }

    @Override
    public synchronized void turnComplete() {
        flush(Speaker.USER, false);
        flush(Speaker.MODEL, false);
    }

    /** Remembers the call's arguments and outcome; the line is written in order, at its session event. */
    @Override
    public synchronized void answered(ToolCallRecorder.Answer answer) {
        if (answer.callId() != null && answer.outcome() != ToolCallRecorder.Outcome.PARTIAL) {
            answers.put(answer.callId(), answer);
        } else if (answer.outcome() == ToolCallRecorder.Outcome.PARTIAL) {
            writeTool(answer); // a partial result gets no session event of its own
        }
    }

    @Override
    public synchronized void toolCall(SessionEvent.ToolCall event) {
        switch (event.stage()) {
            case QUEUED -> {
                // what was said before the call comes before it in the file
                flush(Speaker.USER, false);
                flush(Speaker.MODEL, false);
            }
            case FINISHED, FAILED, CANCELLED, UNANSWERED -> {
                ToolCallRecorder.Answer answer = event.callId() == null ? null : answers.remove(event.callId());
                if (answer == null) {
                    ToolCallRecorder.Outcome outcome = switch (event.stage()) {
                        case FINISHED -> ToolCallRecorder.Outcome.OK;
                        case CANCELLED -> ToolCallRecorder.Outcome.CANCELLED;
                        default -> ToolCallRecorder.Outcome.ERROR;
                    };
                    answer = new ToolCallRecorder.Answer(event.callId(), event.name(), null, outcome,
                            event.elapsed(), event.detail() == null ? "" : event.detail());
                }
                writeTool(answer);
            }
            default -> {
            }
        }
    }

    private void writeTool(ToolCallRecorder.Answer answer) {
        Instant now = clock.instant();
        long nanos = System.nanoTime();
        ObjectNode line = JSON.createObjectNode();
        line.put("time", now.minus(answer.elapsed()).toString());
        line.put("t", seconds(nanos - answer.elapsed().toNanos()));
        line.put("who", "tool");
        if (answer.callId() != null) {
            line.put("id", answer.callId());
        }
        line.put("name", answer.name());
        if (answer.args() != null) {
            line.set("args", answer.args());
        }
        line.put("outcome", answer.outcome().name().toLowerCase(java.util.Locale.ROOT));
        line.put("ms", answer.elapsed().toMillis());
        if (answer.outcome() == ToolCallRecorder.Outcome.ERROR) {
            line.put("error", answer.detail());
        } else if (answer.outcome() != ToolCallRecorder.Outcome.CANCELLED) {
            try {
                line.set("result", JSON.readTree(answer.detail()));
            } catch (IOException e) {
                line.put("result", answer.detail());
            }
        }
        write(line);
    }

    /** Writes what is still open and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        flush(Speaker.USER, false);
        flush(Speaker.MODEL, false);
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + file, e);
        }
    }

    private void flush(Speaker who, boolean interrupted) {
        StringBuilder text = open.remove(who);
        if (text == null) {
            return;
        }
        String spoken = text.toString().strip().replaceAll("\\s+", " ");
        Instant at = openedAt.remove(who);
        long nanos = openedNanos.remove(who);
        if (spoken.isEmpty()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("time", at.toString());
        line.put("t", seconds(nanos));
        line.put("who", who.label());
        line.put("text", spoken);
        if (interrupted) {
            line.put("interrupted", true);
        }
        write(line);
    }

    private double seconds(long nanos) {
        return Math.round(Duration.ofNanos(nanos - startNanos).toMillis()) / 1000.0;
    }

    private void write(ObjectNode line) {
        if (closed) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
