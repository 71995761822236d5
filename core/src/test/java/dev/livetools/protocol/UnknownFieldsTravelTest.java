package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields and kinds this version does not model are kept, not dropped: a newer service (or a newer client, seen by
 * the emulator) must not lose them on the way through, nor on a reconnect, which sends the setup again.
 */
class UnknownFieldsTravelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final LiveCodec codec = new LiveCodec();

    @Test
    void anUnknownClientMessageKindKeepsItsBody() throws Exception {
        ClientMessage m = codec.decodeClient("{\"futureKind\":{\"a\":1}}");

        assertThat(m).isEqualTo(new UnknownClientMessage("futureKind", MAPPER.readTree("{\"a\":1}")));
    }

    @Test
    void unknownRealtimeInputFieldsAreWrittenBack() throws Exception {
        RealtimeInput in = new RealtimeInput(null, null, "hi", false, false, false, null,
                Map.of("futureInput", NODES.numberNode(1)));

        assertThat(MAPPER.readTree(codec.encode(in)))
                .isEqualTo(MAPPER.readTree("{\"realtimeInput\":{\"text\":\"hi\",\"futureInput\":1}}"));
    }

    @Test
    void unknownPartFieldsAreWrittenBack() throws Exception {
        Part part = new Part("look", null, null, null, null, null,
                Map.of("videoMetadata", NODES.objectNode().put("fps", 2)));
        ClientContent content = new ClientContent(List.of(new Content("user", List.of(part))), true);

        JsonNode json = MAPPER.readTree(codec.encode(content));
        assertThat(json.at("/clientContent/turns/0/parts/0/videoMetadata/fps").asInt()).isEqualTo(2);
    }

    @Test
    void aReconnectSetupKeepsEveryUnknownField() {
        Setup setup = SetupEveryFieldTest.everyField();
        Setup resumed = setup.resuming("h-9");

        assertThat(resumed.extra()).isEqualTo(setup.extra());
        assertThat(resumed.generationConfig()).isEqualTo(setup.generationConfig());
        assertThat(resumed.toBuilder().build()).isEqualTo(resumed);
        assertThat(setup.generationConfig().toBuilder().build()).isEqualTo(setup.generationConfig());
    }

    @Test
    void aToolCallWithoutFunctionCallsIsAnEmptyToolCallNotAMissingOne() {
        ServerMessage m = codec.decodeServer("{\"toolCall\":{}}");

        assertThat(m.toolCall()).isNotNull();
        assertThat(m.toolCall().functionCalls()).isEmpty();
    }

    @Test
    void aMessageShapedLikeAToolCallUnderAnotherNameIsNotReadAsOne() {
        ServerMessage m = codec.decodeServer(
                "{\"toolCallz\":{\"functionCalls\":[{\"id\":\"1\",\"name\":\"a\",\"args\":{}}]}}");

        assertThat(m.toolCall()).isNull();
        assertThat(m.unknown()).containsKey("toolCallz");
    }
}
