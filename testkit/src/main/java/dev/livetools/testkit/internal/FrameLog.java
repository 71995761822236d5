package dev.livetools.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.testkit.RecordedFrame;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every frame in and out, in order, for assertions; optionally also appended to a transcript file as JSON lines
 * ({@code {"at": "0.012s", "connection": 1, "direction": "received", "kind": "text", "message": {...}}}), flushed
 * per frame so a transcript survives a crash.
 */
public final class FrameLog implements AutoCloseable {

    private final long startNanos = System.nanoTime();
    private final List<RecordedFrame> frames = new ArrayList<>();
    private final BufferedWriter transcript;
    private final java.util.function.Consumer<RecordedFrame> listener;

    public FrameLog(Path transcriptFile, java.util.function.Consumer<RecordedFrame> listener) {
        this.listener = listener;
        try {
            if (transcriptFile == null) {
                this.transcript = null;
            } else {
                Path parent = transcriptFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                this.transcript = Files.newBufferedWriter(transcriptFile, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open transcript file " + transcriptFile, e);
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public void record(int connection, RecordedFrame.Direction direction, RecordedFrame.Kind kind, String payload,
                       int closeCode) {
        RecordedFrame frame = new RecordedFrame(connection, elapsed(), direction, kind, payload, closeCode);
        synchronized (frames) {
            frames.add(frame);
            writeTranscript(frame);
            notifyListener(frame);
        }
    }

    private void notifyListener(RecordedFrame frame) {
        if (listener == null) {
            return;
        }
        try {
            listener.accept(frame);
        } catch (RuntimeException e) {
            // An observer's bug must not break the emulated session.
        }
    }

    public List<RecordedFrame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    private void writeTranscript(RecordedFrame frame) {
        if (transcript == null) {
            return;
        }
        ObjectNode line = WireJson.object()
                .put("at", ScenarioJson.protoDuration(frame.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                .put("connection", frame.connection())
                .put("direction", frame.direction().name().toLowerCase(Locale.ROOT))
                .put("kind", frame.kind().name().toLowerCase(Locale.ROOT));
        JsonNode json = frame.json();
        if (json.isMissingNode()) {
            line.put(frame.kind() == RecordedFrame.Kind.CLOSE || frame.kind() == RecordedFrame.Kind.REFUSED
                    ? "reason" : "raw", frame.payload());
        } else {
            line.set("message", json);
        }
        if (frame.kind() == RecordedFrame.Kind.CLOSE) {
            line.put("code", frame.closeCode());
        }
        try {
            transcript.write(WireJson.compact(line));
            transcript.newLine();
            transcript.flush();
        } catch (IOException e) {
            // A full disk must not break the emulated session; the in-memory record is still complete.
        }
    }

    @Override
    public void close() {
        if (transcript != null) {
            synchronized (frames) {
                try {
                    transcript.close();
                } catch (IOException e) {
                    // nothing more to save
                }
            }
        }
    }
}
