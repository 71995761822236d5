package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every field a {@link Setup} models, and an unknown one at each level that keeps unknown fields, reaches the wire
 * under its documented name (live-protocol.md, BidiGenerateContentSetup) and comes back from it. The golden file is
 * written by hand from the reference, not from our output: a field the encoder drops, or one it misspells, fails the
 * comparison (the SDK oracle cannot catch a dropped field, since it only reads what we wrote).
 */
class SetupEveryFieldTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final LiveCodec codec = new LiveCodec();

    static Setup everyField() {
        Schema params = Schema.of(Schema.Type.OBJECT).withProperties(
                Map.of("room", Schema.of(Schema.Type.STRING).withDescription("Room")), List.of("room"), null);
        GenerationConfig generation = GenerationConfig.builder()
                .responseModalities("AUDIO")
                .speechConfig(new SpeechConfig("Kore", "en-GB",
                        Map.of("multiSpeakerVoiceConfig", NODES.objectNode().put("future", true))))
                .temperature(0.7).topP(0.9).topK(40).maxOutputTokens(1024).seed(7L)
                .mediaResolution("MEDIA_RESOLUTION_LOW")
                .thinkingConfig(new ThinkingConfig(512, true, "LOW"))
                .extra("enableAffectiveDialog", NODES.booleanNode(true))
                .build();
        RealtimeInputConfig input = new RealtimeInputConfig(new RealtimeInputConfig.AutomaticActivityDetection(
                false, "START_SENSITIVITY_HIGH", "END_SENSITIVITY_LOW", 20, 100,
                Map.of("futureVadField", NODES.numberNode(3))),
                "START_OF_ACTIVITY_INTERRUPTS", "TURN_INCLUDES_ONLY_ACTIVITY",
                Map.of("futureInputField", NODES.textNode("x")));
        return Setup.builder("models/gemini-3.8-live")
                .generationConfig(generation)
                .systemInstruction("You control the lights.")
                .tool(new Tool(List.of(new FunctionDeclaration("set_light", "Turn a light on", "NON_BLOCKING",
                        params))))
                .tool(Tool.googleSearch())
                .realtimeInputConfig(input)
                .sessionResumption(new SessionResumptionConfig("handle-1", true))
                .contextWindowCompression(ContextWindowCompression.withSlidingWindow(25600, 12800))
                .inputAudioTranscription(new AudioTranscriptionConfig(List.of("en-GB", "de-DE"), null))
                .outputAudioTranscription(new AudioTranscriptionConfig(null,
                        Map.of("futureTranscriptionField", NODES.numberNode(1))))
                .extra("proactivity", NODES.objectNode().put("proactiveAudio", true))
                .build();
    }

    private static JsonNode golden() throws Exception {
        try (InputStream in = SetupEveryFieldTest.class.getResourceAsStream("/golden/protocol/setup-every-field.json")) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void everyModelledFieldIsWrittenUnderItsDocumentedName() throws Exception {
        assertThat(MAPPER.readTree(codec.encode(everyField()))).isEqualTo(golden());
    }

    @Test
    void everyModelledFieldIsReadBackFromTheWire() throws Exception {
        assertThat(codec.decodeClient(golden().toString())).isEqualTo(everyField());
    }
}
