package dev.livetools.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A WAV file (24 kHz mono 16-bit) written at the pace a speaker would have played it: from the moment it is opened,
 * every {@link #TICK} the sound due so far is appended, model speech where the jitter buffer has some and silence
 * where it has none. The file's timeline is therefore the listener's: an interruption shows as speech cut off at the
 * position the output had reached when {@link #interrupt()} was called, and the gaps between turns are there too.
 */
public final class WavFileOutput implements AudioOutput {

    /** How often the due sound is appended. */
    public static final Duration TICK = Duration.ofMillis(10);
    /** Jitter buffer used by {@link #open(Path)}. */
    public static final Duration DEFAULT_JITTER = Duration.ofMillis(60);

    private static final PcmFormat FORMAT = PcmFormat.LIVE_OUTPUT;

    private final WavWriter writer;
    private final PlaybackBuffer buffer;
    /** The room's other sound (the user speaking), mixed in as it happens: no jitter buffer. */
    private final PlaybackBuffer room = new PlaybackBuffer(FORMAT, Duration.ZERO);
    private final PcmConverter roomConverter = new PcmConverter(PcmFormat.LIVE_INPUT, FORMAT.sampleRate());
    private final AudioClock clock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Thread ticker;
    private final long startNanos;
    // guarded by writeLock
    private long framesWritten;
    private byte[] scratch = new byte[FORMAT.bytesFor(TICK) * 4];
    private byte[] roomScratch = new byte[FORMAT.bytesFor(TICK) * 4];
    private boolean closed;
    private volatile Duration lastSilence;
    private volatile boolean stopping;

    private WavFileOutput(WavWriter writer, Duration jitter, AudioClock clock) {
        this.writer = writer;
        this.buffer = new PlaybackBuffer(FORMAT, jitter);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startNanos = clock.nanoTime();
        this.ticker = new Thread(this::tickLoop, "livetools-wav-output");
        this.ticker.setDaemon(true);
    }

    public static WavFileOutput open(Path file) throws IOException {
        return open(file, DEFAULT_JITTER, AudioClock.system());
    }

    /** Opens {@code file} for writing; its clock starts now. */
    public static WavFileOutput open(Path file, Duration jitter, AudioClock clock) throws IOException {
        WavFileOutput out = new WavFileOutput(new WavWriter(file, FORMAT.sampleRate()), jitter, clock);
        out.ticker.start();
        return out;
    }

    /** The {@link AudioClock#nanoTime()} at which the file's timeline starts: sample 0 played then. */
    public long originNanos() {
        return startNanos;
    }

    @Override
    public String describe() {
        return writer.file().toString();
    }

    @Override
    public void play(byte[] pcm24k) {
        if (buffer.isSpeaking()) {
            buffer.enqueue(pcm24k);
            return;
        }
        writeLock.lock();
        try {
            // A turn starts where it arrives, not at the start of the current tick: the silence before it is
            // written first.
            catchUp(clock.nanoTime());
            buffer.enqueue(pcm24k);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Mixes the user's speech (16 kHz mono, as sent to the model) into the file from now on, so that it holds both
     * sides of the conversation as someone in the room heard them. Barge-in does not drop it.
     */
    public void mixIn(byte[] pcm16k) {
        byte[] upsampled;
        synchronized (roomConverter) {
            upsampled = roomConverter.convert(pcm16k);
        }
        writeLock.lock();
        try {
            if (!room.isSpeaking()) {
                catchUp(clock.nanoTime());
            }
            room.enqueue(upsampled);
            room.endOfTurn();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void interrupt() {
        writeLock.lock();
        try {
            long asked = clock.nanoTime();
            catchUp(asked); // what was heard up to this instant stays in the file
            buffer.interrupt();
            // From here on the buffer is empty: the file is silent from framesWritten, the clock's position now.
            lastSilence = Duration.ofNanos(Math.max(0, clock.nanoTime() - asked));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void endOfTurn() {
        buffer.endOfTurn();
    }

    @Override
    public boolean isSpeaking() {
        return buffer.isSpeaking();
    }

    @Override
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        return buffer.awaitQuiet(timeout);
    }

    @Override
    public Duration position() {
        writeLock.lock();
        try {
            return Duration.ofNanos(framesWritten * 1_000_000_000L / FORMAT.sampleRate());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public PlaybackStats stats() {
        return buffer.stats(lastSilence);
    }

    /** Writes the sound due up to now and finishes the file; audio still queued is not written. */
    @Override
    public void close() {
        // Not Thread.interrupt(): an interrupt during a FileChannel write closes the channel.
        stopping = true;
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            catchUp(clock.nanoTime());
            closed = true;
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish " + writer.file(), e);
        } finally {
            writeLock.unlock();
        }
    }

    private void tickLoop() {
        long next = clock.nanoTime();
        try {
            while (!stopping) {
                next += TICK.toNanos();
                clock.sleepUntil(next);
                writeLock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    catchUp(clock.nanoTime());
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            // closed
        } catch (UncheckedIOException e) {
            org.slf4j.LoggerFactory.getLogger(WavFileOutput.class).warn("{}", e.getMessage());
        }
    }

    /** Guarded by writeLock: adds the room's sound due in this stretch to {@code scratch}, clipping. */
    private void mixRoom(int bytes) {
        if (roomScratch.length < bytes) {
            roomScratch = new byte[bytes];
        }
        int n = room.take(roomScratch, 0, bytes);
        for (int i = 0; i + 1 < n; i += 2) {
            int a = (short) ((scratch[i + 1] << 8) | (scratch[i] & 0xff));
            int b = (short) ((roomScratch[i + 1] << 8) | (roomScratch[i] & 0xff));
            int sum = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, a + b));
            scratch[i] = (byte) sum;
            scratch[i + 1] = (byte) (sum >> 8);
        }
    }

    /** Guarded by writeLock: appends the frames due by {@code now}. */
    private void catchUp(long now) {
        if (closed) {
            return;
        }
        long due = (now - startNanos) * FORMAT.sampleRate() / 1_000_000_000L;
        long frames = due - framesWritten;
        if (frames <= 0) {
            return;
        }
        int bytes = (int) (frames * FORMAT.frameSize());
        if (scratch.length < bytes) {
            scratch = new byte[bytes];
        }
        int speech = buffer.take(scratch, 0, bytes);
        java.util.Arrays.fill(scratch, speech, bytes, (byte) 0);
        if (room.isSpeaking()) {
            mixRoom(bytes);
        }
        writer.write(scratch, 0, bytes);
        framesWritten = due;
    }
}
