package dev.livetools.audio;

import dev.livetools.dispatch.CallEvent;
import dev.livetools.session.ConnectionState;
import dev.livetools.session.LiveSession;
import dev.livetools.session.LiveSessionListener;
import dev.livetools.session.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A spoken conversation over a {@link LiveSession}: the user's audio from an {@link AudioInput} goes out as
 * {@code realtimeInput.audio}, the model's audio plays on an {@link AudioOutput}, and the two are kept apart the way
 * a conversation needs.
 * <ul>
 *   <li>Barge-in: {@code serverContent.interrupted} drops the unplayed audio at once; {@code generationComplete} and
 *       {@code turnComplete} let it play out.</li>
 *   <li>Half-duplex: the microphone is muted (its chunks replaced by silence, so the stream keeps its pace) while the
 *       model's audio is queued or playing, and for {@link #ECHO_TAIL} after, for loudspeakers without echo
 *       cancellation.</li>
 *   <li>Push-to-talk: with a {@link TalkSwitch}, {@code activityStart}/{@code activityEnd} frame the user's turns
 *       (automatic activity detection must be off in setup); without, the input ends with {@code audioStreamEnd}.</li>
 *   <li>Timings: from the end of the user's speech (the last chunk louder than {@link #SPEECH_LEVEL}, or
 *       {@code activityEnd}) to the model's first audio.</li>
 * </ul>
 *
 * <pre>{@code
 * VoiceLoop voice = VoiceLoop.builder(WavFileInput.open(in), WavFileOutput.open(out)).build();
 * try (LiveSession session = builder.listener(voice).connect()) {
 *     voice.start(session);
 *     voice.awaitConversationEnd(recorder, Duration.ofSeconds(30), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class VoiceLoop implements LiveSessionListener, AutoCloseable {

    /** Chunks whose RMS level is above this fraction of full scale (about -45 dBFS) count as speech. */
    public static final double SPEECH_LEVEL = 0.0056;
    /** How long the microphone stays muted after the model's audio stops, in half-duplex (room echo dies away). */
    public static final Duration ECHO_TAIL = Duration.ofMillis(200);
    /** After a tool's final answer, how long to wait for the model to start speaking about it before hanging up. */
    public static final Duration ANSWER_GRACE = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(VoiceLoop.class);

    /** How {@link #awaitConversationEnd} ended. */
    public enum Ending {
        /** The input ended and the model answered everything, its audio played out. */
        COMPLETE,
        /** As {@link #COMPLETE}, but NON_BLOCKING calls were still running when the wait for them ran out. */
        CALLS_PENDING,
        /** The model did not finish within the time allowed. */
        NO_ANSWER,
        /** The session closed first. */
        SESSION_CLOSED
    }

    private final AudioInput input;
    private final AudioOutput output;
    private final boolean halfDuplex;
    private final TalkSwitch talkSwitch;
    private final List<VoiceListener> listeners;
    private final java.util.function.Consumer<byte[]> monitor;
    private final EchoCanceller echoCanceller;
    private final CountDownLatch inputDone = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private Thread pump;
    private volatile LiveSession session;
    private volatile boolean closed;
    // state shared between the pump and the event thread, guarded by stateLock
    private long lastSpeechNanos;
    private boolean awaitingModelAudio;
    private boolean turnOpen;
    private long lastTurnCompleteNanos;
    private long speakingUntilNanos;
    private boolean sessionClosed;

    private VoiceLoop(Builder b) {
        this.input = b.input;
        this.output = b.output;
        this.halfDuplex = b.halfDuplex;
        this.talkSwitch = b.talkSwitch;
        this.listeners = new CopyOnWriteArrayList<>(b.listeners);
        this.monitor = b.monitor;
        this.echoCanceller = b.echoCanceller;
    }

    public static Builder builder(AudioInput input, AudioOutput output) {
        return new Builder(input, output);
    }

    public AudioInput input() {
        return input;
    }

    public AudioOutput output() {
        return output;
    }

    /** Starts streaming the input into {@code session} (on a daemon thread). Call once, after connecting. */
    public synchronized void start(LiveSession session) {
        if (this.session != null) {
            throw new IllegalStateException("VoiceLoop already started");
        }
        this.session = Objects.requireNonNull(session, "session");
        pump = new Thread(this::pumpLoop, "livetools-voice-input");
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits until the input has ended and its end was sent. */
    public boolean awaitInputEnd(Duration timeout) throws InterruptedException {
        return inputDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits until the conversation is over after the input ended: the model's last turn complete and played out, no
     * tool call pending. NON_BLOCKING calls still running are waited for up to {@code pendingCalls}; the whole wait
     * after the input ended is bounded by {@code limit}.
     *
     * @param calls the recorder the session's tool runner goes through, or {@code null} if the session has no tools
     */
    public Ending awaitConversationEnd(ToolCallRecorder calls, Duration pendingCalls, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        if (!inputDone.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
            return Ending.NO_ANSWER;
        }
        long callsSince = 0;
        while (true) {
            long now = System.nanoTime();
            int pending = calls == null ? 0 : calls.pendingCalls();
            long lastAnswer = calls == null ? 0 : calls.lastAnswerNanos();
            boolean quietModel;
            synchronized (stateLock) {
                if (sessionClosed) {
                    return Ending.SESSION_CLOSED;
                }
                boolean answeredSpeech = lastTurnCompleteNanos > lastSpeechNanos || lastSpeechNanos == 0;
                boolean answerSpokenAbout = lastAnswer == 0 || lastTurnCompleteNanos > lastAnswer
                        || now - lastAnswer > ANSWER_GRACE.toNanos();
                quietModel = !turnOpen && answeredSpeech && answerSpokenAbout && !output.isSpeaking();
            }
            if (quietModel && pending == 0) {
                return Ending.COMPLETE;
            }
            if (quietModel) {
                callsSince = callsSince == 0 ? now : callsSince;
                if (now - callsSince > pendingCalls.toNanos()) {
                    return Ending.CALLS_PENDING;
                }
            } else {
                callsSince = 0;
            }
            if (now > deadline) {
                return Ending.NO_ANSWER;
            }
            Thread.sleep(20);
        }
    }

    // ------------------------------------------------------------------ session events

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Audio a) {
            onModelAudio(a.chunk().bytes());
        } else if (event instanceof SessionEvent.Interrupted) {
            output.interrupt();
            synchronized (stateLock) {
                turnOpen = false;
            }
            PlaybackStats stats = output.stats();
            each(l -> l.interrupted(stats));
        } else if (event instanceof SessionEvent.GenerationComplete) {
            output.endOfTurn();
        } else if (event instanceof SessionEvent.TurnComplete) {
            output.endOfTurn();
            synchronized (stateLock) {
                turnOpen = false;
                lastTurnCompleteNanos = System.nanoTime();
            }
            each(VoiceListener::turnComplete);
        } else if (event instanceof SessionEvent.Transcript t) {
            Speaker who = t.direction() == SessionEvent.Direction.INPUT ? Speaker.USER : Speaker.MODEL;
            if (who == Speaker.MODEL) {
                openTurn();
            }
            each(l -> l.transcript(who, t.text(), t.finished()));
        } else if (event instanceof SessionEvent.ToolCall tc) {
            if (tc.stage() == CallEvent.Kind.QUEUED) {
                openTurn();
            }
            each(l -> l.toolCall(tc));
        } else if (event instanceof SessionEvent.Text) {
            openTurn();
        } else if (event instanceof SessionEvent.Connection c && c.state() == ConnectionState.CLOSED) {
            synchronized (stateLock) {
                sessionClosed = true;
            }
        }
    }

    private void openTurn() {
        synchronized (stateLock) {
            turnOpen = true;
        }
    }

    private void onModelAudio(byte[] pcm) {
        Duration timing = null;
        synchronized (stateLock) {
            turnOpen = true;
            if (awaitingModelAudio) {
                awaitingModelAudio = false;
                timing = Duration.ofNanos(System.nanoTime() - lastSpeechNanos);
            }
        }
        output.play(pcm);
        if (timing != null) {
            Duration t = timing;
            each(l -> l.turnTiming(t));
        }
    }

    // ------------------------------------------------------------------ input

    private void pumpLoop() {
        long sentBytes = 0;
        boolean talking = false;
        try {
            byte[] chunk;
            while (!closed && (chunk = input.nextChunk()) != null) {
                if (talkSwitch != null) {
                    boolean down = talkSwitch.isDown();
                    if (down && !talking) {
                        session.activityStart();
                    } else if (!down && talking) {
                        session.activityEnd();
                        markSpeechEnd(System.nanoTime());
                    }
                    talking = down;
                    if (!down) {
                        continue;
                    }
                }
                if (echoCanceller != null) {
                    chunk = echoCanceller.clean(chunk);
                }
                if (halfDuplex && mutedNow()) {
                    chunk = new byte[chunk.length];
                } else if (talkSwitch == null && level(chunk) > SPEECH_LEVEL) {
                    markSpeech();
                }
                if (talkSwitch != null) {
                    markSpeech();
                }
                session.sendAudio(chunk);
                sentBytes += chunk.length;
                if (monitor != null) {
                    monitor.accept(chunk);
                }
            }
            if (!closed) {
                if (talkSwitch != null) {
                    if (talking) {
                        session.activityEnd();
                        markSpeechEnd(System.nanoTime());
                    }
                } else {
                    session.audioStreamEnd();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            LOG.debug("voice input stopped: {}", e.getMessage()); // the session closed
        } catch (Exception e) {
            LOG.warn("voice input {} failed: {}", input.describe(), e.toString());
        } finally {
            Duration sent = PcmFormat.LIVE_INPUT.durationOf(sentBytes);
            inputDone.countDown();
            each(l -> l.inputEnded(sent));
        }
    }

    private boolean mutedNow() {
        long now = System.nanoTime();
        synchronized (stateLock) {
            if (output.isSpeaking()) {
                speakingUntilNanos = now + ECHO_TAIL.toNanos();
                return true;
            }
            return now < speakingUntilNanos;
        }
    }

    private void markSpeech() {
        markSpeechEnd(System.nanoTime());
    }

    private void markSpeechEnd(long nanos) {
        synchronized (stateLock) {
            lastSpeechNanos = nanos;
            awaitingModelAudio = true;
        }
    }

    /** RMS of 16-bit little-endian samples, as a fraction of full scale. */
    static double level(byte[] pcm) {
        int n = pcm.length / 2;
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int s = (short) ((pcm[2 * i + 1] << 8) | (pcm[2 * i] & 0xff));
            sum += (double) s * s;
        }
        return Math.sqrt(sum / n) / 32768.0;
    }

    private void each(java.util.function.Consumer<VoiceListener> call) {
        for (VoiceListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("voice listener failed", e);
            }
        }
    }

    /** Stops the input; the output is the caller's to close. */
    @Override
    public void close() {
        closed = true;
        input.close();
        if (pump != null) {
            pump.interrupt();
        }
    }

    /** Configures a {@link VoiceLoop}. */
    public static final class Builder {
        private final AudioInput input;
        private final AudioOutput output;
        private boolean halfDuplex;
        private TalkSwitch talkSwitch;
        private java.util.function.Consumer<byte[]> monitor;
        private EchoCanceller echoCanceller;
        private final List<VoiceListener> listeners = new java.util.ArrayList<>();

        private Builder(AudioInput input, AudioOutput output) {
            this.input = Objects.requireNonNull(input, "input");
            this.output = Objects.requireNonNull(output, "output");
        }

        /** Mutes the input while the model speaks (loudspeakers without echo cancellation). */
        public Builder halfDuplex(boolean enabled) {
            this.halfDuplex = enabled;
            return this;
        }

        /** Push-to-talk with this switch (automatic activity detection must be disabled in setup). */
        public Builder pushToTalk(TalkSwitch talkSwitch) {
            this.talkSwitch = talkSwitch;
            return this;
        }

        public Builder listener(VoiceListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Also hands every chunk sent to the model to {@code sink}, e.g. {@link WavFileOutput#mixIn} to record both
         * sides of the conversation.
         */
        public Builder monitor(java.util.function.Consumer<byte[]> sink) {
            this.monitor = sink;
            return this;
        }

        /**
         * Passes each captured chunk through {@code canceller} before it is sent; the output must feed it what it
         * plays (e.g. {@link SpeakerOutput#echoReference}).
         */
        public Builder echoCanceller(EchoCanceller canceller) {
            this.echoCanceller = canceller;
            return this;
        }

        public VoiceLoop build() {
            return new VoiceLoop(this);
        }
    }
}
