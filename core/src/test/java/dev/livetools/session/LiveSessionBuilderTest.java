package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.protocol.ContextWindowCompression;
import dev.livetools.protocol.Setup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a {@link LiveSession.Builder} accepts and the {@code setup} it describes, without a socket: settings are
 * checked when they are made, and every one of them reaches the setup it names.
 */
@Timeout(10)
class LiveSessionBuilderTest {

    private static LiveSession.Builder builder() {
        return LiveSession.builder(LiveEndpoint.url("ws://127.0.0.1:9/ws")).model("gemini-live-2.5-flash-preview");
    }

    @Test
    void theDefaultSetupNamesTheModelDeclaresTheToolsAndAsksForResumption() {
        ScriptedToolRunner runner = new ScriptedToolRunner();
        Setup setup = builder().tools(SessionTestSupport.WEATHER, runner).buildSetup();
        runner.close();

        assertThat(setup.model()).isEqualTo("models/gemini-live-2.5-flash-preview");
        assertThat(setup.functionDeclarations()).isEqualTo(SessionTestSupport.WEATHER);
        assertThat(setup.sessionResumption()).isNotNull();
        assertThat(setup.sessionResumption().handle()).isNull();
        assertThat(setup.generationConfig()).isNull();
        assertThat(setup.systemInstruction()).isNull();
        assertThat(setup.contextWindowCompression()).isNull();
        assertThat(setup.inputAudioTranscription()).isNull();
        assertThat(setup.outputAudioTranscription()).isNull();
    }

    @Test
    void everySettingReachesTheSetup() {
        Setup setup = builder().responseModality("AUDIO").voice("Kore").systemInstruction("Be brief.")
                .contextWindowCompression(ContextWindowCompression.withSlidingWindow(25600, 12800))
                .inputTranscription(true).outputTranscription(true).buildSetup();

        assertThat(setup.generationConfig().responseModalities()).containsExactly("AUDIO");
        assertThat(setup.generationConfig().speechConfig().voiceName()).isEqualTo("Kore");
        assertThat(setup.systemInstruction().text()).isEqualTo("Be brief.");
        assertThat(setup.contextWindowCompression().triggerTokens()).isEqualTo(25600);
        assertThat(setup.inputAudioTranscription()).isNotNull();
        assertThat(setup.outputAudioTranscription()).isNotNull();
    }

    @Test
    void aCustomizerAdjustsTheGeneratedSetupLast() {
        Setup setup = builder().systemInstruction("Be brief.")
                .customizeSetup(b -> b.systemInstruction("Be thorough.")).buildSetup();

        assertThat(setup.systemInstruction().text()).isEqualTo("Be thorough.");
    }

    @Test
    void aCompleteSetupIsSentAsGivenWithResumptionManagedByTheSession() {
        Setup mine = Setup.builder("models/my-model").systemInstruction("Mine.").build();

        Setup resumable = builder().setup(mine).buildSetup();
        Setup notResumable = builder().setup(mine).sessionResumption(false).buildSetup();

        assertThat(resumable.model()).isEqualTo("models/my-model");
        assertThat(resumable.systemInstruction().text()).isEqualTo("Mine.");
        assertThat(resumable.sessionResumption()).isNotNull();
        assertThat(notResumable.sessionResumption()).isNull();
    }

    @Test
    void aSetupNeedsAModel() {
        assertThatThrownBy(() -> LiveSession.builder(LiveEndpoint.url("ws://127.0.0.1:9/ws")).buildSetup())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set a model");
    }

    @Test
    void resumingAHandleNeedsResumptionOnAndIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> builder().resumeFrom("earlier").sessionResumption(false).connect())
                .isInstanceOf(IllegalStateException.class).hasMessage("resumeFrom needs sessionResumption(true)");
    }

    @Test
    void onlyTextOrAudioIsAResponseModality() {
        assertThatThrownBy(() -> builder().responseModality("VIDEO")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TEXT or AUDIO, got VIDEO");
        assertThat(builder().responseModality("TEXT").buildSetup().generationConfig().responseModalities())
                .containsExactly("TEXT");
        assertThat(builder().responseModality(null).buildSetup().generationConfig()).isNull();
    }

    @Test
    void timeoutsAndDelaysMustBePositive() {
        for (Duration bad : new Duration[]{null, Duration.ZERO, Duration.ofMillis(-1)}) {
            assertThatThrownBy(() -> builder().setupTimeout(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("setupTimeout must be positive");
            assertThatThrownBy(() -> builder().connectTimeout(bad)).hasMessageContaining("connectTimeout");
            assertThatThrownBy(() -> builder().reconnect(bad, Duration.ofSeconds(1), 3))
                    .hasMessageContaining("initial");
            assertThatThrownBy(() -> builder().reconnect(Duration.ofSeconds(1), bad, 3)).hasMessageContaining("max");
        }
        builder().setupTimeout(Duration.ofMillis(1)).connectTimeout(Duration.ofMillis(1));
    }

    @Test
    void theFrameLimitIsAtLeastOneKibibyteAndTheListenerBacklogPositive() {
        assertThatThrownBy(() -> builder().maxFrameBytes(1023)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1024: 1023");
        builder().maxFrameBytes(1024);
        assertThatThrownBy(() -> builder().maxListenerBacklogBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive: 0");
        builder().maxListenerBacklogBytes(1);
        assertThatThrownBy(() -> builder().maxConnectionsPerMinute(0)).hasMessageContaining("perMinute");
    }

    @Test
    void theHeartbeatIsOffOrFromTenMillisecondsToAnHour() {
        for (Duration bad : new Duration[]{Duration.ofMillis(-1), Duration.ofMillis(9), Duration.ofHours(1).plusMillis(1)}) {
            assertThatThrownBy(() -> builder().heartbeat(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("zero (off) or from 10 ms to 1 hour");
        }
        for (Duration good : new Duration[]{Duration.ZERO, Duration.ofMillis(10), Duration.ofHours(1)}) {
            LiveSession.Builder b = builder();
            assertThat(b.heartbeat(good)).isSameAs(b);
        }
    }

    @Test
    void theBuilderReturnsItselfSoSettingsChain() {
        LiveSession.Builder b = builder();
        assertThat(List.of(b.model("m"), b.systemInstruction("x"), b.responseModality("TEXT"), b.voice("Kore"),
                b.sessionResumption(true), b.resumeFrom(null), b.contextWindowCompression(null),
                b.inputTranscription(false), b.outputTranscription(false), b.customizeSetup(s -> s),
                b.setupTimeout(Duration.ofSeconds(1)), b.connectTimeout(Duration.ofSeconds(1)),
                b.reconnect(Duration.ofMillis(1), Duration.ofMillis(2), 1), b.maxConnectionsPerMinute(5),
                b.maxFrameBytes(4096), b.maxListenerBacklogBytes(10), b.listener(e -> { })))
                .allSatisfy(r -> assertThat(r).isSameAs(b));
        assertThat(b.setup(Setup.builder("models/x").build())).isSameAs(b);
    }
}
