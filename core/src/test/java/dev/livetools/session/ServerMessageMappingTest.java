package dev.livetools.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.GoAway;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.Part;
import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SessionResumptionUpdate;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolCallCancellation;
import dev.livetools.protocol.UsageMetadata;
import dev.livetools.session.ServerMessageMapping.Calls;
import dev.livetools.session.ServerMessageMapping.Cancel;
import dev.livetools.session.ServerMessageMapping.Emit;
import dev.livetools.session.ServerMessageMapping.Handle;
import dev.livetools.session.ServerMessageMapping.Inbound;
import dev.livetools.session.ServerMessageMapping.Leaving;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pure mapping from one server frame to what the session must do, rule by rule, without a socket. */
@Timeout(10)
class ServerMessageMappingTest {

    private static FunctionCall call(String id) {
        return new FunctionCall(id, "setLight", JsonNodeFactory.instance.objectNode().put("on", true));
    }

    @Test
    void modelTextAndThoughtsBecomeTextEventsInOrder() {
        List<Inbound> out = ServerMessageMapping.map(ServerMessage.of(ServerContent.modelTurn(Part.text("Hi"),
                new Part("thinking", true, null, null, null, null, null))));
        assertThat(out).containsExactly(new Emit(new SessionEvent.Text("Hi", false)),
                new Emit(new SessionEvent.Text("thinking", true)));
    }

    @Test
    void functionCallPartsWithAnIdAreCallsAndThoseWithoutAreLeftToTheToolCall() {
        List<Inbound> out = ServerMessageMapping.map(ServerMessage.of(ServerContent.modelTurn(
                Part.functionCall(call("a")), Part.functionCall(call(null)))));
        assertThat(out).containsExactly(new Calls(List.of(call("a"))));
    }

    @Test
    void anEmptyTranscriptionIsNotAnEvent() {
        ServerContent empty = ServerContent.builder().outputTranscription(new dev.livetools.protocol.Transcription(
                null, null, null, null)).build();
        assertThat(ServerMessageMapping.map(ServerMessage.of(empty))).isEmpty();
    }

    @Test
    void turnBoundariesComeAfterTheTurnsContent() {
        ServerContent content = ServerContent.builder().modelTurn(new dev.livetools.protocol.Content("model",
                List.of(Part.text("Done.")))).generationComplete(true).turnComplete(true).build();
        assertThat(ServerMessageMapping.map(ServerMessage.of(content))).containsExactly(
                new Emit(new SessionEvent.Text("Done.", false)), new Emit(new SessionEvent.GenerationComplete()),
                new Emit(new SessionEvent.TurnComplete(null, false)));
    }

    @Test
    void toolCallCancellationHandleUsageAndGoAwayAreEachMapped() {
        ServerMessage m = new ServerMessage(null, null, new ToolCall(List.of(call("c1"))),
                new ToolCallCancellation(List.of("c0")), new GoAway(Duration.ofSeconds(50)),
                new SessionResumptionUpdate("h2", true, null), null, null, UsageMetadata.of(3, 4), null);
        assertThat(ServerMessageMapping.map(m)).containsExactly(new Handle("h2"), new Calls(List.of(call("c1"))),
                new Cancel(List.of("c0")), new Emit(new SessionEvent.Usage(UsageMetadata.of(3, 4))),
                new Leaving(new GoAway(Duration.ofSeconds(50))));
    }

    @Test
    void aNonResumableUpdateKeepsNoHandle() {
        assertThat(ServerMessageMapping.map(ServerMessage.of(new SessionResumptionUpdate("", false, null))))
                .isEmpty();
    }

    @Test
    void theRecordedToolCallFrameMapsToOneCallWithItsId() {
        ServerMessage m = new LiveCodec().decodeServer(
                java.nio.ByteBuffer.wrap(
                dev.livetools.session.ScriptedLiveServer.sample("rec-mldev-server-toolCall.json")));
        assertThat(ServerMessageMapping.map(m)).singleElement().isInstanceOfSatisfying(Calls.class,
                c -> assertThat(c.calls()).extracting(FunctionCall::id)
                        .containsExactly("function-call-5831923424298605773"));
    }

    @Test
    void theUsersAndTheModelsTranscriptionsAreTranscriptEventsOfTheirDirection() {
        ServerContent content = ServerContent.builder()
                .inputTranscription(new dev.livetools.protocol.Transcription("lights on", true, null, null))
                .outputTranscription(dev.livetools.protocol.Transcription.of("Sure")).build();
        assertThat(ServerMessageMapping.map(ServerMessage.of(content))).containsExactly(
                new Emit(new SessionEvent.Transcript(SessionEvent.Direction.INPUT, "lights on", true)),
                new Emit(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "Sure", false)));
    }

    @Test
    void aFinishedTranscriptionWithoutTextIsAnEmptyFinishedTranscript() {
        ServerContent content = ServerContent.builder()
                .outputTranscription(new dev.livetools.protocol.Transcription(null, true, null, null)).build();
        assertThat(ServerMessageMapping.map(ServerMessage.of(content))).containsExactly(
                new Emit(new SessionEvent.Transcript(SessionEvent.Direction.OUTPUT, "", true)));
    }

    @Test
    void onlyAudioInlineDataIsAnAudioEvent() {
        dev.livetools.protocol.Blob audio = new dev.livetools.protocol.Blob("audio/pcm;rate=24000", "AAAA");
        List<Inbound> out = ServerMessageMapping.map(ServerMessage.of(ServerContent.modelTurn(
                Part.inlineData(new dev.livetools.protocol.Blob("image/png", "AAAA")),
                Part.inlineData(new dev.livetools.protocol.Blob(null, "AAAA")), Part.inlineData(audio))));
        assertThat(out).containsExactly(new Emit(new SessionEvent.Audio(audio)));
    }

    @Test
    void anInterruptionIsAnEventOfItsOwn() {
        assertThat(ServerMessageMapping.map(ServerMessage.of(ServerContent.builder().interrupted(true).build())))
                .containsExactly(new Emit(new SessionEvent.Interrupted()));
    }

    @Test
    void aToolCallWithAnUnreadableEntryMapsItsValidCallsAndTheUnreadableOneApart() {
        ServerMessage m = new LiveCodec().decodeServer("{\"toolCall\":{\"functionCalls\":[{\"id\":\"ok\","
                + "\"name\":\"setLight\",\"args\":{}},{\"id\":\"bad\",\"name\":\"setLight\",\"args\":7}]}}");
        List<Inbound> out = ServerMessageMapping.map(m);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOfSatisfying(Calls.class,
                c -> assertThat(c.calls()).extracting(FunctionCall::id).containsExactly("ok"));
        assertThat(out.get(1)).isInstanceOfSatisfying(ServerMessageMapping.Unreadable.class,
                u -> assertThat(u.entries()).extracting(ToolCall.Malformed::id).containsExactly("bad"));
    }

    @Test
    void voiceActivityOfEitherKindIsAnEvent() {
        ServerMessage vad = new LiveCodec().decodeServer(
                "{\"voiceActivityDetectionSignal\":{\"vadSignalType\":\"VAD_SIGNAL_TYPE_EOS\"}}");
        ServerMessage activity = ServerMessage.of(new dev.livetools.protocol.VoiceActivity("ACTIVITY_START", null));
        assertThat(ServerMessageMapping.map(vad)).containsExactly(
                new Emit(new SessionEvent.VoiceActivity("VAD_SIGNAL_TYPE_EOS")));
        assertThat(ServerMessageMapping.map(activity)).containsExactly(
                new Emit(new SessionEvent.VoiceActivity("ACTIVITY_START")));
    }
}
