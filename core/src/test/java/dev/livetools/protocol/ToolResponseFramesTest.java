package dev.livetools.protocol;

import dev.livetools.protocol.internal.Json;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.Scheduling;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LiveCodec#encode} streams a {@code toolResponse}; the text must equal writing the general path's tree. */
class ToolResponseFramesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<ToolResponse> responses() {
        ObjectNode output = NODES.objectNode();
        output.putObject("output").put("room", "kitchen").put("brightness", 40).put("on", true)
                .put("price", new BigDecimal("1.50")).put("text", "caf\u00e9 \"quoted\" \n \u2028")
                .putNull("none").putArray("list").add(1.5).add("x").addObject();
        ObjectNode error = NODES.objectNode();
        error.putObject("error").put("type", "INVALID_ARGUMENT").putArray("violations").addObject()
                .put("path", "routine.steps[0].level").put("rejectedValue", 180L);
        return Stream.of(
                ToolResponse.of(FunctionResponse.of("function-call-1", "setLight", output)),
                ToolResponse.of(FunctionResponse.of(null, "noId", NODES.objectNode())),
                ToolResponse.of(new FunctionResponse("a", "nb", output, Scheduling.WHEN_IDLE, Boolean.TRUE)),
                ToolResponse.of(new FunctionResponse("b", "nb", error, Scheduling.SILENT, Boolean.FALSE)),
                ToolResponse.of(new FunctionResponse("c", "nb", error, Scheduling.INTERRUPT, null)),
                new ToolResponse(List.of(FunctionResponse.of("x", "one", output), FunctionResponse.of("y", "two",
                        error), new FunctionResponse(null, "three", output, null, Boolean.TRUE))));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void streamedToolResponseTextEqualsTheTreeWrittenCompact(ToolResponse response) {
        String tree = Json.compact(ClientFrames.encode(response));
        assertThat(new LiveCodec().encode(response)).isEqualTo(tree);
    }
}
