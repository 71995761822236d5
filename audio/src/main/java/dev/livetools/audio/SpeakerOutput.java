package dev.livetools.audio;

import javax.sound.sampled.SourceDataLine;
import java.time.Duration;

/**
 * The default speaker through Java Sound. A player thread moves {@link #PERIOD} of sound at a time from the jitter
 * buffer into the device line, whose own buffer is kept small ({@link #DEVICE_BUFFER}) so that an interruption is
 * heard quickly: {@link #interrupt()} empties the jitter buffer and flushes the line, which drops what the device
 * had not yet played. When the device does not take 24 kHz mono, the sound is converted to what it does take.
 */
public final class SpeakerOutput implements AudioOutput {

    /** Sound moved to the device per write. */
    public static final Duration PERIOD = Duration.ofMillis(10);
    /** The device line's buffer: what can still play after an interruption. */
    public static final Duration DEVICE_BUFFER = Duration.ofMillis(40);
    public static final Duration DEFAULT_JITTER = Duration.ofMillis(80);

    private static final PcmFormat FORMAT = PcmFormat.LIVE_OUTPUT;

    private final SourceDataLine line;
    private final PcmFormat deviceFormat;
    private final PlaybackBuffer buffer;
    private final Thread player;
    private final Object flushLock = new Object();
    private volatile boolean closed;
    private volatile Duration lastSilence;
    private volatile EchoCanceller echoReference;

    private SpeakerOutput(SoundDevices.Opened<SourceDataLine> opened, Duration jitter) {
        this.line = opened.line();
        this.deviceFormat = opened.format();
        this.buffer = new PlaybackBuffer(FORMAT, jitter);
        this.player = new Thread(this::playLoop, "livetools-speaker");
        this.player.setDaemon(true);
    }

    /**
     * Opens the default speaker.
     *
     * @throws AudioDeviceUnavailableException when there is no usable playback device
     */
    public static SpeakerOutput open(Duration jitter) {
        return on(SoundDevices.openPlayback(FORMAT.sampleRate(), FORMAT.bytesFor(DEVICE_BUFFER)), jitter);
    }

    /** Plays on an opened line (tests give it a fake device). */
    static SpeakerOutput on(SoundDevices.Opened<SourceDataLine> opened, Duration jitter) {
        SpeakerOutput out = new SpeakerOutput(opened, jitter);
        opened.line().start();
        out.player.start();
        return out;
    }

    public static SpeakerOutput open() {
        return open(DEFAULT_JITTER);
    }

    @Override
    public String describe() {
        return "speaker (" + deviceFormat + ")";
    }

    /** Tells {@code canceller} everything this speaker plays, silence included, as it goes to the device. */
    public void echoReference(EchoCanceller canceller) {
        this.echoReference = canceller;
    }

    @Override
    public void play(byte[] pcm24k) {
        buffer.enqueue(pcm24k);
    }

    @Override
    public void interrupt() {
        long asked = System.nanoTime();
        long before = line.getLongFramePosition();
        synchronized (flushLock) {
            buffer.interrupt();
            line.flush();
        }
        // The device clock has not advanced past what it had when flushed: silence starts within one period.
        long after = line.getLongFramePosition();
        lastSilence = Duration.ofNanos(Math.max(0, System.nanoTime() - asked)
                + Math.max(0, after - before) * 1_000_000_000L / deviceFormat.sampleRate());
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
        return Duration.ofNanos(line.getLongFramePosition() * 1_000_000_000L / deviceFormat.sampleRate());
    }

    @Override
    public PlaybackStats stats() {
        return buffer.stats(lastSilence);
    }

    @Override
    public void close() {
        closed = true;
        player.interrupt();
        try {
            player.join(500); // what it took from the buffer reaches the line before the line goes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.stop();
        line.close();
    }

    private void playLoop() {
        byte[] period = new byte[FORMAT.bytesFor(PERIOD)];
        PcmConverter converter = deviceFormat.equals(FORMAT) ? null
                : new PcmConverter(FORMAT, deviceFormat.sampleRate());
        while (!closed) {
            byte[] out;
            synchronized (flushLock) {
                int speech = buffer.take(period, 0, period.length);
                java.util.Arrays.fill(period, speech, period.length, (byte) 0);
                out = converter == null ? period : toDevice(converter.convert(period));
            }
            EchoCanceller reference = echoReference;
            if (reference != null) {
                reference.played(period.clone());
            }
            // write() blocks while the device buffer is full: the device paces this loop.
            try {
                line.write(out, 0, out.length);
            } catch (RuntimeException e) {
                if (!closed) {
                    org.slf4j.LoggerFactory.getLogger(SpeakerOutput.class).warn("speaker stopped: {}", e.toString());
                }
                return;
            }
        }
    }

    /** 16-bit mono at the device rate, to the device's channel count and byte order. */
    private byte[] toDevice(byte[] mono) {
        int channels = deviceFormat.channels();
        boolean swap = deviceFormat.bigEndian();
        if (channels == 1 && !swap) {
            return mono;
        }
        byte[] out = new byte[mono.length * channels];
        for (int i = 0, o = 0; i < mono.length; i += 2) {
            for (int c = 0; c < channels; c++) {
                out[o++] = swap ? mono[i + 1] : mono[i];
                out[o++] = swap ? mono[i] : mono[i + 1];
            }
        }
        return out;
    }
}
