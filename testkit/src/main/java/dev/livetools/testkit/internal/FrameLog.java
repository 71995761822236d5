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
 * The frames in and out, in order, for assertions, within a memory budget: the most recent frames whose payloads
 * total at most {@code retainLimit} characters are kept, older ones are dropped (and counted), so a long or heavy
 * session cannot grow the emulator without bound (1,000 frames of 1 MB once kept 930 MB). A limit of 0 keeps none.
 * The listener and the transcript file still see every frame. Optionally every frame is appended to a transcript
 * file as JSON lines
 * ({@code {"at": "0.012s", "connection": 1, "direction": "received", "kind": "text", "message": {...}}}), flushed
 * per frame so a transcript survives a crash.
 */
public final class FrameLog implements AutoCloseable {

    private final long startNanos = System.nanoTime();
    private final java.util.ArrayDeque<RecordedFrame> frames = new java.util.ArrayDeque<>();
    private final BufferedWriter transcript;
    private final java.util.function.Consumer<RecordedFrame> listener;
    private final long retainLimit;
    // guarded by frames
    private long retained;
    private long dropped;

    public FrameLog(Path transcriptFile, java.util.function.Consumer<RecordedFrame> listener, long retainLimit) {
        if (retainLimit < 0) {
            throw new IllegalArgumentException("frame log limit must not be negative: " + retainLimit);
        }
        this.listener = listener;
        this.retainLimit = retainLimit;
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
            retain(frame);
            writeTranscript(frame);
            notifyListener(frame);
        }
    }

    /** Guarded by frames. */
    private void retain(RecordedFrame frame) {
        frames.addLast(frame);
        retained += frame.payload().length();
        while (!frames.isEmpty() && (retained > retainLimit || retainLimit == 0)) {
            retained -= frames.removeFirst().payload().length();
            dropped++;
        }
    }

    /** How many frames were dropped from memory to stay within the limit. */
    public long dropped() {
        synchronized (frames) {
            return dropped;
        }
    }

    /** The payload characters kept in memory now. */
    public long retainedChars() {
        synchronized (frames) {
            return retained;
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
