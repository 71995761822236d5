package dev.livetools.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.types.LiveClientMessage;
import dev.livetools.sdk.Scheduling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our JSON against the official {@code com.google.genai} types. {@code fromJson} silently drops fields it does not
 * know, so a misspelt field only shows when the SDK's re-serialisation is compared with ours as a tree.
 */
class GenaiSdkConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LiveCodec codec = new LiveCodec();

    private void assertSdkReadsEveryField(ClientMessage message) throws Exception {
        String ours = codec.encode(message);
        String sdk = LiveClientMessage.fromJson(ours).toJson();
        assertThat(SdkTrees.normalise(MAPPER.readTree(sdk))).isEqualTo(SdkTrees.normalise(MAPPER.readTree(ours)));
    }

    @Test
    void aMisspeltFieldIsCaughtByTheTreeComparison() throws Exception {
        ObjectNode ours = (ObjectNode) MAPPER.readTree(codec.encode(Setup.builder("models/gemini-3.8-live").build()));
        ((ObjectNode) ours.get("setup")).putObject("generationConfg").put("temperature", 0.5);
        String sdk = LiveClientMessage.fromJson(ours.toString()).toJson();

        assertThat(SdkTrees.normalise(MAPPER.readTree(sdk))).isNotEqualTo(SdkTrees.normalise(ours));
    }

    @Test
    void setupWithEveryModelledField() throws Exception {
        Setup setup = LiveCodecClientTest.fullSetup().toBuilder()
                .generationConfig(GenerationConfig.builder().responseModalities("AUDIO").voice("Kore")
                        .temperature(0.7).topP(0.9).topK(40).maxOutputTokens(1024).seed(7L)
                        .mediaResolution("MEDIA_RESOLUTION_LOW")
                        .thinkingConfig(new ThinkingConfig(0, false, null)).build())
                .build();
        assertSdkReadsEveryField(setup);
    }

    @Test
    void setupWithFreshResumptionAndDefaultCompression() throws Exception {
        assertSdkReadsEveryField(Setup.builder("models/gemini-3.8-live")
                .sessionResumption(SessionResumptionConfig.enabled())
                .contextWindowCompression(ContextWindowCompression.withSlidingWindow())
                .realtimeInputConfig(RealtimeInputConfig.manualActivity())
                .build());
    }

    @Test
    void toolResponse() throws Exception {
        ObjectNode payload = MAPPER.createObjectNode().put("result", "ok");
        assertSdkReadsEveryField(new ToolResponse(List.of(FunctionResponse.of("function-call-1", "getStatus", payload),
                new FunctionResponse("c2", "later", payload, Scheduling.INTERRUPT, true))));
    }

    @Test
    void realtimeInputOfEveryKind() throws Exception {
        assertSdkReadsEveryField(RealtimeInput.audio(new byte[]{1, 2, 3, 4}));
        assertSdkReadsEveryField(RealtimeInput.jpegFrame(new byte[]{(byte) 0xFF, (byte) 0xD8}));
        assertSdkReadsEveryField(RealtimeInput.text("hello"));
        assertSdkReadsEveryField(RealtimeInput.startOfActivity());
        assertSdkReadsEveryField(RealtimeInput.endOfActivity());
        assertSdkReadsEveryField(RealtimeInput.endOfAudioStream());
    }

    @Test
    void clientContent() throws Exception {
        assertSdkReadsEveryField(ClientContent.userTurn("what is the weather"));
    }
}
