package dev.livetools.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.livetools.protocol.LiveSamplesDecodeTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encoding what a client sends, and decoding it as a server does. */
class LiveCodecClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LiveCodec codec = new LiveCodec();

    static Setup fullSetup() {
        Schema params = Schema.of(Schema.Type.OBJECT).withProperties(
                java.util.Map.of("room", Schema.of(Schema.Type.STRING).withDescription("Room")),
                List.of("room"), null);
        return Setup.builder("models/gemini-3.8-live")
                .responseModality("AUDIO")
                .voice("Kore")
                .systemInstruction("You control the lights.")
                .functionDeclarations(List.of(new FunctionDeclaration("set_light", "Turn a light on", "NON_BLOCKING",
                        params)))
                .realtimeInputConfig(new RealtimeInputConfig(new RealtimeInputConfig.AutomaticActivityDetection(
                        false, "START_SENSITIVITY_HIGH", "END_SENSITIVITY_LOW", 20, 100, null),
                        "START_OF_ACTIVITY_INTERRUPTS", "TURN_INCLUDES_ONLY_ACTIVITY", null))
                .sessionResumption(SessionResumptionConfig.resume("handle-1"))
                .contextWindowCompression(ContextWindowCompression.withSlidingWindow(25600, 12800))
                .inputAudioTranscription(AudioTranscriptionConfig.enabled())
                .outputAudioTranscription(AudioTranscriptionConfig.enabled())
                .build();
    }

    @Test
    void setupDecodesBackToAnEqualRecord() {
        Setup setup = fullSetup();
        assertThat(codec.decodeClient(codec.encode(setup))).isEqualTo(setup);
    }

    @Test
    void setupWritesTheDocumentedShape() {
        ObjectNode json = codec.toJson(fullSetup());
        ObjectNode s = (ObjectNode) json.get("setup");
        assertThat(s.at("/generationConfig/responseModalities/0").asText()).isEqualTo("AUDIO");
        assertThat(s.at("/generationConfig/speechConfig/voiceConfig/prebuiltVoiceConfig/voiceName").asText())
                .isEqualTo("Kore");
        assertThat(s.at("/systemInstruction/parts/0/text").asText()).isEqualTo("You control the lights.");
        assertThat(s.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("set_light");
        assertThat(s.at("/tools/0/functionDeclarations/0/parameters/type").asText()).isEqualTo("OBJECT");
        assertThat(s.at("/sessionResumption/handle").asText()).isEqualTo("handle-1");
        assertThat(s.at("/contextWindowCompression/slidingWindow/targetTokens").asLong()).isEqualTo(12800);
        assertThat(s.get("outputAudioTranscription").isEmpty()).isTrue();
    }

    @Test
    void resumingReplacesOnlyTheHandle() {
        Setup resumed = fullSetup().resuming("handle-2");
        assertThat(resumed.sessionResumption().handle()).isEqualTo("handle-2");
        assertThat(resumed.toBuilder().sessionResumption(SessionResumptionConfig.resume("handle-1")).build())
                .isEqualTo(fullSetup());
    }

    @Test
    void snakeCaseSetupAsThePythonSdkSendsItIsUnderstood() {
        Setup s = (Setup) codec.decodeClient("{\"setup\":{\"model\":\"models/m\",\"context_window_compression\":"
                + "{\"trigger_tokens\":1000,\"sliding_window\":{\"target_tokens\":\"10\"}},"
                + "\"realtime_input_config\":{\"automatic_activity_detection\":{\"disabled\":true}},"
                + "\"generation_config\":{\"response_modalities\":[\"TEXT\"]}}}");
        assertThat(s.contextWindowCompression().triggerTokens()).isEqualTo(1000);
        assertThat(s.contextWindowCompression().slidingWindow().targetTokens()).isEqualTo(10);
        assertThat(s.realtimeInputConfig().automaticActivityDetection().disabled()).isTrue();
        assertThat(s.generationConfig().responseModalities()).containsExactly("TEXT");
        assertThat(s.extra()).isEmpty();
    }

    @Test
    void unknownSetupFieldsTravelInExtraAndAreWrittenBack() throws Exception {
        String json = "{\"setup\":{\"model\":\"models/m\",\"proactivity\":{\"proactiveAudio\":true},"
                + "\"tools\":[{\"googleSearch\":{}}]}}";
        Setup s = (Setup) codec.decodeClient(json);
        assertThat(s.extra()).containsOnlyKeys("proactivity");
        assertThat(s.tools().get(0).extra()).containsOnlyKeys("googleSearch");
        assertThat(MAPPER.readTree(codec.encode(s))).isEqualTo(MAPPER.readTree(json));
    }

    @Test
    void decodedToolsExposeTheirDeclarations() {
        Setup s = (Setup) codec.decodeClient(bytes("rec-mldev-client-setup-tools.json"));
        FunctionDeclaration d = s.functionDeclarations().get(0);
        assertThat(d.name()).isEqualTo("get_current_weather");
        assertThat(d.parameters().properties().get("unit").enumValues()).containsExactly("celsius", "fahrenheit");
        assertThat(d.parameters().required()).containsExactly("location");
    }

    @Test
    void anInvalidFunctionNameInASetupNamesTheField() {
        assertThatThrownBy(() -> codec.decodeClient("{\"setup\":{\"model\":\"m\",\"tools\":[{\"functionDeclarations\""
                + ":[{\"name\":\"bad name\"}]}]}}"))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("setup.tools[0].functionDeclarations[0].name");
    }

    @Test
    void toolResponseWritesIdNameResponseAndNonBlockingFields() throws Exception {
        ObjectNode payload = MAPPER.createObjectNode().put("result", "ok");
        ToolResponse r = new ToolResponse(List.of(FunctionResponse.of("function-call-1", "getStatus", payload),
                new FunctionResponse("c2", "later", payload, Scheduling.WHEN_IDLE, false)));
        assertThat(MAPPER.readTree(codec.encode(r))).isEqualTo(MAPPER.readTree(
                "{\"toolResponse\":{\"functionResponses\":[{\"id\":\"function-call-1\",\"name\":\"getStatus\","
                        + "\"response\":{\"result\":\"ok\"}},{\"id\":\"c2\",\"name\":\"later\",\"response\":"
                        + "{\"result\":\"ok\"},\"scheduling\":\"WHEN_IDLE\",\"willContinue\":false}]}}"));
        assertThat(codec.decodeClient(codec.encode(r))).isEqualTo(r);
    }

    @Test
    void pythonSnakeCaseTopLevelToolResponseDecodes() {
        ToolResponse r = (ToolResponse) codec.decodeClient(
                bytes("sdktest-python-client-toolResponse-snake-top-level.json"));
        assertThat(r.functionResponses().get(0).id()).isEqualTo("test_id");
    }

    @Test
    void realtimeInputFactoriesWriteOneFieldEach() {
        assertThat(codec.encode(RealtimeInput.text("hi"))).isEqualTo("{\"realtimeInput\":{\"text\":\"hi\"}}");
        assertThat(codec.encode(RealtimeInput.startOfActivity()))
                .isEqualTo("{\"realtimeInput\":{\"activityStart\":{}}}");
        assertThat(codec.encode(RealtimeInput.endOfActivity())).isEqualTo("{\"realtimeInput\":{\"activityEnd\":{}}}");
        assertThat(codec.encode(RealtimeInput.endOfAudioStream()))
                .isEqualTo("{\"realtimeInput\":{\"audioStreamEnd\":true}}");
        assertThat(codec.encode(RealtimeInput.audio(new byte[]{1, 0, 2, 0})))
                .isEqualTo("{\"realtimeInput\":{\"audio\":{\"mimeType\":\"audio/pcm;rate=16000\",\"data\":\"AQACAA==\"}}}");
        assertThat(codec.encode(RealtimeInput.jpegFrame(new byte[]{(byte) 0xFF, (byte) 0xD8})))
                .isEqualTo("{\"realtimeInput\":{\"video\":{\"mimeType\":\"image/jpeg\",\"data\":\"/9g=\"}}}");
    }

    @Test
    void realtimeInputRejectsTheWrongMediaType() {
        assertThatThrownBy(() -> RealtimeInput.audio(Blob.of("image/jpeg", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audio/*");
    }

    @Test
    void legacyMediaChunksDecode() {
        RealtimeInput r = (RealtimeInput) codec.decodeClient(
                bytes("rec-mldev-client-realtimeInput-mediaChunks-legacy.TRUNCATED.json"));
        assertThat(r.mediaChunks()).singleElement().extracting(Blob::mimeType).isEqualTo("audio/pcm;rate=16000");
    }

    @Test
    void clientContentUserTurn() {
        assertThat(codec.encode(ClientContent.userTurn("hello"))).isEqualTo(
                "{\"clientContent\":{\"turns\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}],"
                        + "\"turnComplete\":true}}");
    }

    @Test
    void unknownClientKindsAreKept() {
        ClientMessage m = codec.decodeClient("{\"contextUpdate\":{\"systemInstruction\":{\"parts\":[]}}}");
        assertThat(m).isInstanceOf(UnknownClientMessage.class);
        assertThat(m.kind()).isEqualTo("contextUpdate");
    }

    @Test
    void twoMessageKindsInOneClientFrameAreRejected() {
        assertThatThrownBy(() -> codec.decodeClient("{\"setup\":{\"model\":\"m\"},\"toolResponse\":{}}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("exactly one of");
    }

    @Test
    void aToolResponseWithoutResponseObjectNamesTheField() {
        assertThatThrownBy(() -> codec.decodeClient("{\"toolResponse\":{\"functionResponses\":[{\"name\":\"f\","
                + "\"response\":\"ok\"}]}}"))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field())
                .isEqualTo("toolResponse.functionResponses[0].response");
    }

    @Test
    void aToolSerialisedWithPlainJacksonShowsExtraFieldsInline() {
        Tool declared = new Tool(List.of(new FunctionDeclaration("ping", "Ping", null, null)));
        assertThat(MAPPER.valueToTree(declared).toString())
                .isEqualTo("{\"functionDeclarations\":[{\"name\":\"ping\",\"description\":\"Ping\"}]}");
        assertThat(MAPPER.valueToTree(Tool.googleSearch()).toString()).isEqualTo("{\"googleSearch\":{}}");
    }
}
