package dev.livetools.audio;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jitter buffer between the model's chunks and a player pulling audio at its own pace. A turn starts playing once
 * {@code jitter} worth is queued (or the turn has ended); if the buffer runs dry mid-turn it refills to that level
 * before going on, so a late chunk costs one pause instead of a stutter. Thread-safe.
 */
final class PlaybackBuffer {

    private enum State { IDLE, FILLING, PLAYING }

    private final int jitterBytes;
    private final PcmFormat format;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition quiet = lock.newCondition();
    // guarded by lock
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long queuedBytes;
    private State state = State.IDLE;
    private boolean turnEnded;
    private long playedBytes;
    private long droppedBytes;
    private int interruptions;
    private int underruns;

    PlaybackBuffer(PcmFormat format, Duration jitter) {
        this.format = format;
        if (jitter.isNegative() || jitter.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new IllegalArgumentException("jitter buffer must be 0..2 s, got " + jitter);
        }
        this.jitterBytes = format.bytesFor(jitter);
    }

    void enqueue(byte[] pcm) {
        if (pcm.length == 0) {
            return;
        }
        lock.lock();
        try {
            chunks.add(pcm);
            queuedBytes += pcm.length;
            if (state == State.IDLE) {
                state = State.FILLING;
                turnEnded = false;
            }
            if (state == State.FILLING && queuedBytes >= jitterBytes) {
                state = State.PLAYING;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Copies up to {@code length} bytes due to play into {@code dst} and returns how many; the caller plays silence
     * for the rest.
     */
    int take(byte[] dst, int offset, int length) {
        lock.lock();
        try {
            if (state != State.PLAYING) {
                return 0;
            }
            int copied = 0;
            while (copied < length && !chunks.isEmpty()) {
                byte[] head = chunks.peekFirst();
                int n = Math.min(length - copied, head.length - headOffset);
                System.arraycopy(head, headOffset, dst, offset + copied, n);
                copied += n;
                headOffset += n;
                if (headOffset == head.length) {
                    chunks.removeFirst();
                    headOffset = 0;
                }
            }
            queuedBytes -= copied;
            playedBytes += copied;
            if (chunks.isEmpty()) {
                if (turnEnded) {
                    becomeIdle();
                } else {
                    state = State.FILLING;
                    underruns++;
                }
            }
            return copied;
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is queued; returns the bytes dropped. */
    long interrupt() {
        lock.lock();
        try {
            long dropped = queuedBytes;
            if (dropped > 0 || state != State.IDLE) {
                interruptions++;
            }
            droppedBytes += dropped;
            chunks.clear();
            headOffset = 0;
            queuedBytes = 0;
            becomeIdle();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    void endOfTurn() {
        lock.lock();
        try {
            if (state == State.IDLE) {
                return;
            }
            turnEnded = true;
            if (chunks.isEmpty()) {
                becomeIdle();
            } else {
                state = State.PLAYING;
            }
        } finally {
            lock.unlock();
        }
    }

    boolean isSpeaking() {
        lock.lock();
        try {
            return state != State.IDLE;
        } finally {
            lock.unlock();
        }
    }

    boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (state != State.IDLE) {
                if (left <= 0) {
                    return false;
                }
                left = quiet.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    PlaybackStats stats(Duration lastSilence) {
        lock.lock();
        try {
            return new PlaybackStats(format.durationOf(playedBytes), format.durationOf(droppedBytes), interruptions,
                    underruns, lastSilence);
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by lock. */
    private void becomeIdle() {
        state = State.IDLE;
        turnEnded = false;
        quiet.signalAll();
    }
}
