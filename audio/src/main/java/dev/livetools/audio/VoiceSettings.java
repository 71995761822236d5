package dev.livetools.audio;

import dev.livetools.protocol.AudioTranscriptionConfig;
import dev.livetools.protocol.GenerationConfig;
import dev.livetools.protocol.RealtimeInputConfig;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.SpeechConfig;
import dev.livetools.session.LiveSession;

import java.util.Locale;

/**
 * What a voice session asks of the service in {@code setup}: audio answers, transcription of both sides (on by
 * default), a prebuilt voice and language ({@code speechConfig}), and how the user's turns are found
 * ({@code realtimeInputConfig}): automatic activity detection with its sensitivity and timing, or push-to-talk
 * (detection disabled, the client sends {@code activityStart}/{@code activityEnd}). Unset fields are left to the
 * service's defaults.
 *
 * @param voice               a prebuilt voice name such as {@code Kore}, or {@code null}
 * @param language            a BCP-47 language code such as {@code en-US}, or {@code null}
 * @param transcription       transcripts of the user's and the model's speech
 * @param pushToTalk          automatic activity detection off
 * @param startSensitivity    {@code HIGH} or {@code LOW} ({@code START_SENSITIVITY_*}), or {@code null}
 * @param endSensitivity      {@code HIGH} or {@code LOW} ({@code END_SENSITIVITY_*}), or {@code null}
 * @param prefixPaddingMs     speech needed before a start is committed, or {@code null}
 * @param silenceDurationMs   silence needed before an end is committed, or {@code null}
 * @param interruptible       whether the user's speech interrupts the model ({@code START_OF_ACTIVITY_INTERRUPTS},
 *                            the service's default) or not ({@code NO_INTERRUPTION})
 */
public record VoiceSettings(String voice, String language, boolean transcription, boolean pushToTalk,
                            String startSensitivity, String endSensitivity, Integer prefixPaddingMs,
                            Integer silenceDurationMs, boolean interruptible) {

    public VoiceSettings {
        startSensitivity = sensitivity(startSensitivity, "start");
        endSensitivity = sensitivity(endSensitivity, "end");
        nonNegative(prefixPaddingMs, "prefixPaddingMs");
        nonNegative(silenceDurationMs, "silenceDurationMs");
        if (pushToTalk && (startSensitivity != null || endSensitivity != null || prefixPaddingMs != null
                || silenceDurationMs != null)) {
            throw new IllegalArgumentException("push-to-talk turns automatic activity detection off: its "
                    + "sensitivity and timing settings do not apply");
        }
        if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            throw new IllegalArgumentException("language must be a BCP-47 code such as en-US, got '" + language + "'");
        }
    }

    /** Transcription on, service defaults for everything else. */
    public static VoiceSettings defaults() {
        return new VoiceSettings(null, null, true, false, null, null, null, null, true);
    }

    /**
     * Configures {@code builder} for voice: AUDIO answers, transcripts, speech and activity settings. It sets the
     * builder's {@code customizeSetup}, replacing one set before.
     */
    public LiveSession.Builder applyTo(LiveSession.Builder builder) {
        builder.responseModality("AUDIO").inputTranscription(transcription).outputTranscription(transcription);
        return builder.customizeSetup(this::applyTo);
    }

    /** The same settings on a {@code setup} builder. */
    public Setup.Builder applyTo(Setup.Builder setup) {
        Setup probe = setup.build();
        if (voice != null || language != null) {
            GenerationConfig g = probe.generationConfig();
            GenerationConfig.Builder gb = g == null ? GenerationConfig.builder() : g.toBuilder();
            SpeechConfig old = g == null ? null : g.speechConfig();
            gb.speechConfig(new SpeechConfig(voice != null ? voice : old == null ? null : old.voiceName(),
                    language != null ? language : old == null ? null : old.languageCode(),
                    old == null ? null : old.extra()));
            setup.generationConfig(gb.build());
        }
        if (transcription) {
            if (probe.inputAudioTranscription() == null) {
                setup.inputAudioTranscription(AudioTranscriptionConfig.enabled());
            }
            if (probe.outputAudioTranscription() == null) {
                setup.outputAudioTranscription(AudioTranscriptionConfig.enabled());
            }
        }
        RealtimeInputConfig realtime = realtimeInputConfig();
        if (realtime != null) {
            setup.realtimeInputConfig(realtime);
        }
        return setup;
    }

    /** {@code realtimeInputConfig}, or {@code null} when everything is left to the service. */
    public RealtimeInputConfig realtimeInputConfig() {
        RealtimeInputConfig.AutomaticActivityDetection detection = null;
        if (pushToTalk) {
            detection = new RealtimeInputConfig.AutomaticActivityDetection(true, null, null, null, null, null);
        } else if (startSensitivity != null || endSensitivity != null || prefixPaddingMs != null
                || silenceDurationMs != null) {
            detection = new RealtimeInputConfig.AutomaticActivityDetection(null,
                    startSensitivity == null ? null : "START_SENSITIVITY_" + startSensitivity,
                    endSensitivity == null ? null : "END_SENSITIVITY_" + endSensitivity, prefixPaddingMs,
                    silenceDurationMs, null);
        }
        String handling = interruptible ? null : "NO_INTERRUPTION";
        if (detection == null && handling == null) {
            return null;
        }
        return new RealtimeInputConfig(detection, handling, null, null);
    }

    private static String sensitivity(String value, String which) {
        if (value == null) {
            return null;
        }
        String v = value.toUpperCase(Locale.ROOT);
        if (!v.equals("HIGH") && !v.equals("LOW")) {
            throw new IllegalArgumentException(which + " sensitivity must be HIGH or LOW, got '" + value + "'");
        }
        return v;
    }

    private static void nonNegative(Integer v, String what) {
        if (v != null && (v < 0 || v > 10_000)) {
            throw new IllegalArgumentException(what + " must be 0..10000 ms, got " + v);
        }
    }
}
