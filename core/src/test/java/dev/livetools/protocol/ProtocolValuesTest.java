package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The small rules the protocol's value types carry: factories, flags and their defaults. */
class ProtocolValuesTest {

    @Test
    void aSlidingWindowTargetMustBePositiveAndBelowTheTrigger() {
        assertThat(ContextWindowCompression.withSlidingWindow(2, 1).slidingWindow().targetTokens()).isEqualTo(1L);
        assertThatThrownBy(() -> ContextWindowCompression.withSlidingWindow(100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below triggerTokens");
        assertThatThrownBy(() -> ContextWindowCompression.withSlidingWindow(100, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void theDefaultSlidingWindowLeavesBothSizesToTheServer() {
        ContextWindowCompression c = ContextWindowCompression.withSlidingWindow();
        assertThat(c.triggerTokens()).isNull();
        assertThat(c.slidingWindow()).isNotNull();
        assertThat(c.slidingWindow().targetTokens()).isNull();
    }

    @Test
    void resumingKeepsTransparentModeAndReplacesTheHandle() {
        Setup transparent = Setup.builder("models/m").sessionResumption(new SessionResumptionConfig(null, true))
                .build();
        assertThat(transparent.resuming("h2").sessionResumption()).isEqualTo(new SessionResumptionConfig("h2", true));
        Setup plain = Setup.builder("models/m").build();
        assertThat(plain.resuming("h3").sessionResumption()).isEqualTo(new SessionResumptionConfig("h3", null));
    }

    @Test
    void enabledResumptionCarriesNoHandle() {
        assertThat(SessionResumptionConfig.enabled()).isEqualTo(new SessionResumptionConfig(null, null));
    }

    @Test
    void manualActivityTurnsAutomaticDetectionOffAndNothingElse() {
        RealtimeInputConfig manual = RealtimeInputConfig.manualActivity();
        assertThat(manual.automaticActivityDetection().disabled()).isTrue();
        assertThat(manual.activityHandling()).isNull();
        assertThat(manual.turnCoverage()).isNull();
    }

    @Test
    void flagsAreTrueOnlyWhenTheServerSaidSo() {
        assertThat(new Transcription("a", null, null, null).isFinished()).isFalse();
        assertThat(new Transcription("a", false, null, null).isFinished()).isFalse();
        assertThat(new Transcription("a", true, null, null).isFinished()).isTrue();
        assertThat(new Transcription(null, null, null, null).textOrEmpty()).isEmpty();
        assertThat(new Transcription("hi", null, null, null).textOrEmpty()).isEqualTo("hi");
        assertThat(Part.text("x").isThought()).isFalse();
        assertThat(new Part("hmm", true, null, null, null, null, null).isThought()).isTrue();
        assertThat(new VoiceActivityDetectionSignal("VAD_SIGNAL_TYPE_EOS").isStartOfSpeech()).isFalse();
        assertThat(new VoiceActivityDetectionSignal("VAD_SIGNAL_TYPE_SOS").isStartOfSpeech()).isTrue();
    }

    @Test
    void boundsAreWrittenPlainWithoutExponentOrTrailingZeros() {
        Schema s = Schema.of(Schema.Type.NUMBER).withRange(new BigDecimal("3E+1"), new BigDecimal("2.50"));
        assertThat(s.minimum().toString()).isEqualTo("30");
        assertThat(s.maximum().toString()).isEqualTo("2.5");
        assertThat(Schema.of(Schema.Type.INTEGER).withRange(new BigDecimal("7"), null).minimum().toString())
                .isEqualTo("7");
    }
}
