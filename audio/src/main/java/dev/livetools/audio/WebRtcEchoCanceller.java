package dev.livetools.audio;

import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@link EchoCanceller} on webrtc-java's {@code AudioProcessing} (WebRTC's APM, echo canceller 3). Loaded reflectively
 * so that the {@code audio} module works without the optional dependency: only this class touches it, through the
 * nested {@link Apm}, which the JVM resolves only when {@link #create()} has found the classes.
 */
final class WebRtcEchoCanceller implements EchoCanceller {

    /** The APM works on 10 ms frames. */
    private static final int FRAME_BYTES = 320;

    private final Apm apm;
    private final PcmConverter renderTo16k = new PcmConverter(PcmFormat.LIVE_OUTPUT, 16_000);
    private byte[] renderPending = new byte[0];

    private WebRtcEchoCanceller(Apm apm) {
        this.apm = apm;
    }

    static Optional<EchoCanceller> create() {
        try {
            Class.forName("dev.onvoid.webrtc.media.audio.AudioProcessing", false,
                    WebRtcEchoCanceller.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            LoggerFactory.getLogger(WebRtcEchoCanceller.class).debug("webrtc-java is not on the class path");
            return Optional.empty();
        }
        try {
            return Optional.of(new WebRtcEchoCanceller(new Apm()));
        } catch (LinkageError | RuntimeException e) {
            LoggerFactory.getLogger(WebRtcEchoCanceller.class).debug("webrtc-java did not load: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void played(byte[] pcm24k) {
        byte[] at16k = renderTo16k.convert(pcm24k);
        byte[] all = Arrays.copyOf(renderPending, renderPending.length + at16k.length);
        System.arraycopy(at16k, 0, all, renderPending.length, at16k.length);
        int whole = all.length - all.length % FRAME_BYTES;
        for (int at = 0; at < whole; at += FRAME_BYTES) {
            apm.render(Arrays.copyOfRange(all, at, at + FRAME_BYTES));
        }
        renderPending = Arrays.copyOfRange(all, whole, all.length);
    }

    @Override
    public synchronized byte[] clean(byte[] pcm16k) {
        byte[] out = new byte[pcm16k.length];
        int whole = pcm16k.length - pcm16k.length % FRAME_BYTES;
        for (int at = 0; at < whole; at += FRAME_BYTES) {
            System.arraycopy(apm.capture(Arrays.copyOfRange(pcm16k, at, at + FRAME_BYTES)), 0, out, at, FRAME_BYTES);
        }
        System.arraycopy(pcm16k, whole, out, whole, pcm16k.length - whole);
        return out;
    }

    @Override
    public synchronized void close() {
        apm.close();
    }

    /** The only code that names webrtc-java types. */
    private static final class Apm {
        private final dev.onvoid.webrtc.media.audio.AudioProcessing processing =
                new dev.onvoid.webrtc.media.audio.AudioProcessing();
        private final dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig config =
                new dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig(16_000, 1);
        private final byte[] unused = new byte[FRAME_BYTES];

        Apm() {
            dev.onvoid.webrtc.media.audio.AudioProcessingConfig c =
                    new dev.onvoid.webrtc.media.audio.AudioProcessingConfig();
            c.echoCanceller.enabled = true;
            c.highPassFilter.enabled = true;
            processing.applyConfig(c);
        }

        void render(byte[] frame) {
            processing.processReverseStream(frame, config, config, unused);
        }

        byte[] capture(byte[] frame) {
            byte[] out = new byte[FRAME_BYTES];
            processing.processStream(frame, config, config, out);
            return out;
        }

        void close() {
            processing.dispose();
        }
    }
}
