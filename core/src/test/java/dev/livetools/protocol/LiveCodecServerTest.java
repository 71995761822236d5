package dev.livetools.protocol;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.livetools.protocol.LiveSamplesDecodeTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding what the service sends: recorded frames plus the documented oddities (live-protocol.md §2, §4, §8). */
class LiveCodecServerTest {

    private final LiveCodec codec = new LiveCodec();

    @Test
    void recordedToolCallKeepsTheOpaqueIdNameAndArgs() {
        ToolCall call = codec.decodeServer(bytes("rec-mldev-server-toolCall.json")).toolCall();
        assertThat(call.functionCalls()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("function-call-5831923424298605773");
            assertThat(c.name()).isEqualTo("get_current_weather");
            assertThat(c.args().get("location").asText()).isEqualTo("Redmond, WA");
        });
    }

    @Test
    void toolCallWithoutIdOrArgsDecodesWithEmptyArgs() {
        var call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[{\"name\":\"ping\"}]}}").toolCall();
        assertThat(call.functionCalls().get(0).id()).isNull();
        assertThat(call.functionCalls().get(0).args().isEmpty()).isTrue();
    }

    @Test
    void usageMetadataIsReadBesideServerContentInTheSameFrame() {
        ServerMessage m = codec.decodeServer(bytes("rec-mldev-server-turnComplete-usageMetadata.json"));
        assertThat(m.serverContent().turnComplete()).isTrue();
        assertThat(m.usageMetadata().promptTokenCount()).isEqualTo(515);
        assertThat(m.usageMetadata().responseTokenCount()).isEqualTo(38);
        assertThat(m.usageMetadata().totalTokenCount()).isEqualTo(553);
        assertThat(m.usageMetadata().responseTokensDetails())
                .containsExactly(new UsageMetadata.ModalityTokenCount("TEXT", 38));
    }

    @Test
    void vertexCandidatesTokenCountIsTheResponseCount() {
        UsageMetadata u = codec.decodeServer("{\"usageMetadata\":{\"candidatesTokenCount\":7,"
                + "\"candidatesTokensDetails\":[{\"modality\":\"AUDIO\",\"tokenCount\":\"7\"}]}}").usageMetadata();
        assertThat(u.responseTokenCount()).isEqualTo(7);
        assertThat(u.responseTokensDetails()).containsExactly(new UsageMetadata.ModalityTokenCount("AUDIO", 7));
    }

    @Test
    void goAwayTimeLeftIsADuration() {
        assertThat(codec.decodeServer(bytes("field-goAway-50s.reconstructed.json")).goAway().timeLeft())
                .isEqualTo(Duration.ofSeconds(50));
        assertThat(codec.decodeServer("{\"goAway\":{\"timeLeft\":\"1.5s\"}}").goAway().timeLeft())
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void resumptionUpdateParsesTheInt64IndexFromAString() {
        SessionResumptionUpdate u = codec.decodeServer(bytes("sdktest-js-sessionResumptionUpdate.json"))
                .sessionResumptionUpdate();
        assertThat(u.newHandle()).isEqualTo("test_handle");
        assertThat(u.resumable()).isTrue();
        assertThat(u.lastConsumedClientMessageIndex()).isEqualTo(123456789L);
        assertThat(u.hasUsableHandle()).isTrue();
    }

    @Test
    void nonResumableUpdateHasNoUsableHandle() {
        var u = codec.decodeServer("{\"sessionResumptionUpdate\":{\"resumable\":false}}").sessionResumptionUpdate();
        assertThat(u.hasUsableHandle()).isFalse();
    }

    @Test
    void vertexEmptyTranscriptionHasNoText() {
        Transcription t = codec.decodeServer(bytes("rec-vertex-server-outputTranscription-empty.json"))
                .serverContent().outputTranscription();
        assertThat(t.text()).isNull();
        assertThat(t.textOrEmpty()).isEmpty();
    }

    @Test
    void inputTranscriptionCarriesFinished() {
        Transcription t = codec.decodeServer(bytes("sdktest-python-serverContent-inputTranscription-finished.json"))
                .serverContent().inputTranscription();
        assertThat(t.text()).isEqualTo("test_input");
        assertThat(t.isFinished()).isTrue();
    }

    @Test
    void inlineAudioPartDecodesToBytes() {
        Part part = codec.decodeServer(bytes("rec-vertex-server-modelTurn-inlineData-audio.json"))
                .serverContent().parts().get(0);
        assertThat(part.inlineData().mimeType()).isEqualTo("audio/pcm");
        assertThat(part.inlineData().bytes().length).isGreaterThan(1000).isEven();
    }

    @Test
    void executableCodePartIsInformationOnly() {
        Part part = codec.decodeServer(bytes("rec-mldev-server-modelTurn-executableCode-before-toolCall.json"))
                .serverContent().parts().get(0);
        assertThat(part.executableCode().language()).isEqualTo("PYTHON");
        assertThat(part.executableCode().code()).contains("default_api.get_current_weather");
    }

    @Test
    void functionCallPartInsideAModelTurnIsDecoded() {
        Part part = codec.decodeServer("{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"functionCall\":"
                + "{\"id\":\"c1\",\"name\":\"lights\",\"args\":{\"on\":true}}}]}}}").serverContent().parts().get(0);
        assertThat(part.functionCall()).isEqualTo(new FunctionCall("c1", "lights",
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode().put("on", true)));
    }

    @Test
    void turnCompleteReasonAndWaitingForInput() {
        ServerContent c = codec.decodeServer(
                bytes("sdktest-python-serverContent-turnCompleteReason-waitingForInput.json")).serverContent();
        assertThat(c.turnCompleteReason()).isEqualTo("NEED_MORE_INPUT");
        assertThat(c.waitingForInput()).isTrue();
        assertThat(c.modelTurn().text()).isEqualTo("Please provide more details.");
    }

    @Test
    void setupCompleteCarriesVertexSessionIdAndVoiceConsent() {
        assertThat(codec.decodeServer(bytes("rec-vertex-server-setupComplete-sessionId.json")).setupComplete()
                .sessionId()).isEqualTo("c714f9ce-aa80-413f-b55a-a13609ae9e01");
        assertThat(codec.decodeServer(bytes("sdktest-java-setupComplete-voiceConsentSignature.json"))
                .setupComplete().voiceConsentSignature()).isEqualTo("test_sig");
    }

    @Test
    void voiceActivitySignalsDecode() {
        assertThat(codec.decodeServer(bytes("sdktest-python-voiceActivityDetectionSignal.json"))
                .voiceActivityDetectionSignal().isStartOfSpeech()).isTrue();
        VoiceActivity a = codec.decodeServer("{\"voiceActivity\":{\"type\":\"ACTIVITY_START\",\"audioOffset\":\"1.5s\"}}")
                .voiceActivity();
        assertThat(a).isEqualTo(new VoiceActivity("ACTIVITY_START", Duration.ofMillis(1500)));
    }

    @Test
    void toolCallCancellationListsIds() {
        assertThat(codec.decodeServer(bytes("shape-toolCallCancellation.NOT-CAPTURED.json")).toolCallCancellation()
                .ids()).containsExactly("function-call-5831923424298605773");
    }

    @Test
    void snakeCaseKeysAreAcceptedAtEveryLevel() {
        ServerMessage m = codec.decodeServer("{\"server_content\":{\"turn_complete\":true,\"output_transcription\":"
                + "{\"text\":\"hi\"},\"model_turn\":{\"parts\":[{\"inline_data\":{\"mime_type\":\"audio/pcm\","
                + "\"data\":\"AAA=\"}}]}},\"usage_metadata\":{\"total_token_count\":\"9\"}}");
        assertThat(m.serverContent().turnComplete()).isTrue();
        assertThat(m.serverContent().outputTranscription().text()).isEqualTo("hi");
        assertThat(m.serverContent().parts().get(0).inlineData().mimeType()).isEqualTo("audio/pcm");
        assertThat(m.usageMetadata().totalTokenCount()).isEqualTo(9);
    }

    @Test
    void userArgsKeepTheirOwnKeysEvenInSnakeCase() {
        var args = codec.decodeServer("{\"tool_call\":{\"function_calls\":[{\"name\":\"f\",\"args\":"
                + "{\"room_name\":\"kitchen\"}}]}}").toolCall().functionCalls().get(0).args();
        assertThat(args.has("room_name")).isTrue();
    }

    @Test
    void unknownKindsAreKeptAndKnownSiblingsStillDecoded() {
        ServerMessage m = codec.decodeServer("{\"futureThing\":{\"x\":1},\"goAway\":{\"timeLeft\":\"5s\"}}");
        assertThat(m.goAway().timeLeft()).isEqualTo(Duration.ofSeconds(5));
        assertThat(m.unknown()).containsOnlyKeys("futureThing");
        assertThat(codec.toJson(m).get("futureThing").get("x").asInt()).isEqualTo(1);
    }

    @Test
    void unknownFieldsInsideKnownMessagesAreKept() {
        ServerContent c = codec.decodeServer("{\"serverContent\":{\"interactionStatus\":\"IDLE\","
                + "\"turnComplete\":true}}").serverContent();
        assertThat(c.extra()).containsKey("interactionStatus");
        assertThat(codec.toJson(ServerMessage.of(c)).get("serverContent").get("interactionStatus").asText())
                .isEqualTo("IDLE");
    }

    @Test
    void textAndArrayBackedBinaryFramesDecodeTheSame() {
        byte[] frame = bytes("rec-mldev-server-toolCall.json");
        byte[] padded = new byte[frame.length + 10];
        System.arraycopy(frame, 0, padded, 5, frame.length);
        ByteBuffer slice = ByteBuffer.wrap(padded, 5, frame.length);
        assertThat(codec.decodeServer(slice)).isEqualTo(codec.decodeServer(new String(frame, StandardCharsets.UTF_8)));
        assertThat(slice.position()).isEqualTo(5);
    }

    @Test
    void malformedJsonIsAProtocolExceptionForTheWholeFrame() {
        assertThatThrownBy(() -> codec.decodeServer("{\"toolCall\": {"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not valid JSON")
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("$");
    }

    @Test
    void aCallWithAFieldOfTheWrongShapeIsSetAsideNamingItsPath() {
        ToolCall call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[{\"name\":42}]}}").toolCall();

        assertThat(call.functionCalls()).isEmpty();
        assertThat(call.malformed()).singleElement().satisfies(m -> {
            assertThat(m.index()).isZero();
            assertThat(m.id()).isNull();
            assertThat(m.problem()).contains("toolCall.functionCalls[0].name").contains("expected a string");
        });
    }

    @Test
    void aFunctionCallWithoutNameIsSetAsideWithItsId() {
        ToolCall call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[{\"id\":\"a\"}]}}").toolCall();

        assertThat(call.malformed()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("a");
            assertThat(m.problem()).contains("toolCall.functionCalls[0].name");
        });
    }

    @Test
    void eachCallIsDecodedOnItsOwnSoValidSiblingsSurviveABadOne() {
        ToolCall call = codec.decodeServer("{\"toolCall\":{\"functionCalls\":[null,"
                + "{\"id\":\"ok\",\"name\":\"f\",\"args\":{\"x\":1}},"
                + "{\"id\":7,\"name\":\"g\",\"args\":{}},"
                + "{\"id\":\"b\",\"name\":\"h\",\"args\":\"text\"},"
                + "{\"id\":\"ok2\",\"name\":\"f\"}]}}").toolCall();

        assertThat(call.functionCalls()).extracting(FunctionCall::id).containsExactly("ok", "ok2");
        assertThat(call.malformed()).extracting(ToolCall.Malformed::index).containsExactly(0, 2, 3);
        assertThat(call.malformed()).extracting(ToolCall.Malformed::id).containsExactly(null, "7", "b");
        assertThat(call.malformed()).extracting(ToolCall.Malformed::name).containsExactly(null, "g", "h");
        assertThat(call.malformed().get(0).problem()).contains("functionCalls[0]").contains("got null");
        assertThat(call.malformed().get(1).problem()).contains("functionCalls[2].id").contains("expected a string");
        assertThat(call.malformed().get(2).problem()).contains("functionCalls[3].args")
                .contains("expected a JSON object, got a string").doesNotContain("text");
    }

    @Test
    void functionCallsThatIsNotAnArraySpoilsTheWholeFrame() {
        assertThatThrownBy(() -> codec.decodeServer("{\"toolCall\":{\"functionCalls\":{\"name\":\"f\"}}}"))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("toolCall.functionCalls");
    }

    @Test
    void aBadDurationNamesTheField() {
        assertThatThrownBy(() -> codec.decodeServer("{\"goAway\":{\"timeLeft\":\"soon\"}}"))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).field()).isEqualTo("goAway.timeLeft");
    }

    @Test
    void aFrameThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> codec.decodeServer("[1,2]")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("expected a JSON object");
    }

    @Test
    void encodeServerWritesLikeTheService() {
        String json = codec.encodeServer(ServerMessage.of(SetupComplete.empty()));
        assertThat(json).isEqualTo("{\n  \"setupComplete\": {}\n}\n");
        assertThat(codec.encodeServer(ServerMessage.of(new GoAway(Duration.ofMillis(1500))))).contains("\"1.5s\"");
    }
}
