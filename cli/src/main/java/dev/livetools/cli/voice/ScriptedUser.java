package dev.livetools.cli.voice;

import dev.livetools.audio.AudioClock;
import dev.livetools.audio.AudioInput;
import dev.livetools.audio.PcmFormat;
import dev.livetools.audio.VoiceListener;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's user: says the scenario's lines in real time, each group of lines after the model's turn before it is
 * complete (the lines before the first {@code turnComplete} at once), like someone waiting for an answer. Sends
 * nothing between lines, so the emulator's {@code expectAudio} counts only what was said.
 */
final class ScriptedUser implements AudioInput, VoiceListener {

    private final List<List<byte[]>> groups;
    private final int chunkBytes = PcmFormat.LIVE_INPUT.bytesFor(DEFAULT_CHUNK);
    private final AudioClock clock = AudioClock.system();
    private final ArrayDeque<byte[]> saying = new ArrayDeque<>();
    private int nextGroup;
    private int turnsCompleted;
    private long due;
    private boolean closed;

    /** {@code groups.get(k)}: the lines said after the model's k-th completed turn. */
    ScriptedUser(List<List<byte[]>> groups) {
        this.groups = groups;
    }

    @Override
    public Duration chunkDuration() {
        return DEFAULT_CHUNK;
    }

    @Override
    public String describe() {
        return "scripted user";
    }

    @Override
    public byte[] nextChunk() throws InterruptedException {
        synchronized (this) {
            while (saying.isEmpty()) {
                if (closed || nextGroup >= groups.size()) {
                    return null;
                }
                if (nextGroup <= turnsCompleted) {
                    for (byte[] line : groups.get(nextGroup++)) {
                        for (int at = 0; at < line.length; at += chunkBytes) {
                            saying.add(Arrays.copyOfRange(line, at, Math.min(line.length, at + chunkBytes)));
                        }
                    }
                    due = clock.nanoTime();
                } else {
                    wait();
                }
            }
        }
        byte[] chunk;
        synchronized (this) {
            chunk = saying.poll();
        }
        due += PcmFormat.LIVE_INPUT.durationOf(chunk.length).toNanos();
        clock.sleepUntil(due);
        return chunk;
    }

    @Override
    public synchronized void turnComplete() {
        turnsCompleted++;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
