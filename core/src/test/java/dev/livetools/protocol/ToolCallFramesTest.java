package dev.livetools.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The streaming read of plain {@code toolCall} frames must be invisible: {@link LiveCodec#decodeServer} gives exactly
 * what the general tree path gives (the same record, or the same error), for every recorded frame and for the odd
 * shapes the general path accepts or rejects.
 */
class ToolCallFramesTest {

    private static final String PLAIN = """
            {
              "toolCall": {
                "functionCalls": [
                  {
                    "name": "setLight",
                    "args": {"room": "kitchen", "brightness": 40.0, "on": true, "nested": {"a_b": [1, null]}},
                    "id": "function-call-1"
                  },
                  {"id": "function-call-2", "name": "dim", "args": {}}
                ]
              }
            }
            """;

    private final LiveCodec codec = new LiveCodec();

    static Stream<String> recordedServerFrames() {
        List<String> frames = new ArrayList<>();
        for (String dir : List.of("/live-samples", "/dispatch")) {
            try {
                Path root = Path.of(ToolCallFramesTest.class.getResource(dir).toURI());
                try (Stream<Path> files = Files.list(root)) {
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".json") && !n.contains("-client-") && !n.startsWith("close-"))
                            .sorted().forEach(n -> frames.add(dir + "/" + n));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return frames.stream();
    }

    private static String text(String resource) {
        try (InputStream in = ToolCallFramesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frames the streaming reader must leave to the general path, and frames it may take. */
    static Stream<String> oddShapes() {
        return Stream.of(
                PLAIN,
                "{\"tool_call\":{\"function_calls\":[{\"name\":\"f\",\"args\":{\"x\":1},\"id\":\"a\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[]}}",
                "{\"toolCall\":{}}",
                "{\"toolCall\":null}",
                "{\"toolCall\":{\"functionCalls\":null}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"args\":null,\"id\":null}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"id\":\"a\",\"id\":\"b\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"args\":{\"x\":1,\"x\":2}}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"_id\":\"a\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"thoughtSignature\":\"x\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"args\":{}}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":7}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"args\":[1]}]}}",
                "{\"toolCall\":{\"functionCalls\":[\"f\"]}}",
                "{\"toolCall\":{\"functionCalls\":{\"name\":\"f\"}}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}],\"function_calls\":[{\"name\":\"g\"}]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}],\"extra\":1}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]},\"usageMetadata\":{\"totalTokenCount\":3}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]},\"tool_call\":{\"function_calls\":[]}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]}} trailing",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]}}{\"goAway\":{}}",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"",
                "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"args\":{\"s\":\"caf\\u00e9 \\\"q\\\"\"}}]}}",
                "[1,2]",
                "",
                "   ",
                "null",
                "{\"goAway\":{\"timeLeft\":\"50s\"}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedServerFrames")
    void everyRecordedServerFrameDecodesAsTheGeneralPathDecodesIt(String resource) {
        assertSameAsGeneralPath(text(resource));
    }

    @ParameterizedTest
    @MethodSource("oddShapes")
    void oddAndMalformedFramesDecodeOrFailAsTheGeneralPathDoes(String frame) {
        assertSameAsGeneralPath(frame);
    }

    @Test
    void thePlainToolCallShapeIsReadByStreaming() {
        ServerMessage fast = ToolCallFrames.tryDecode(JsonFrames.parser(PLAIN));
        assertThat(fast).isNotNull().isEqualTo(ServerFrames.decode(JsonFrames.parse(PLAIN)));
        assertThat(fast.toolCall().functionCalls()).hasSize(2);
        assertThat(fast.toolCall().functionCalls().get(0).args().get("nested").get("a_b").size()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]},\"usageMetadata\":{}}",
            "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"extra\":1}]}}",
            "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"args\":null}]}}",
            "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\",\"name\":\"g\"}]}}",
            "{\"toolCall\":{\"functionCalls\":[{\"name\":\"f\"}]}} x",
            "{\"serverContent\":{\"turnComplete\":true}}"})
    void anythingButThePlainShapeIsLeftToTheGeneralPath(String frame) {
        assertThat(ToolCallFrames.tryDecode(JsonFrames.parser(frame))).isNull();
    }

    private void assertSameAsGeneralPath(String frame) {
        byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
        Object expected = outcome(() -> ServerFrames.decode(JsonFrames.parse(frame)));
        assertThat(outcome(() -> codec.decodeServer(frame))).isEqualTo(expected);
        assertThat(outcome(() -> codec.decodeServer(utf8))).isEqualTo(expected);
        byte[] padded = new byte[utf8.length + 4];
        System.arraycopy(utf8, 0, padded, 2, utf8.length);
        assertThat(outcome(() -> codec.decodeServer(ByteBuffer.wrap(padded, 2, utf8.length).slice())))
                .isEqualTo(expected);
    }

    /** The decoded message, or the error's class, path and message. */
    private static Object outcome(java.util.function.Supplier<ServerMessage> decode) {
        Throwable error = catchThrowable(decode::get);
        if (error == null) {
            return decode.get();
        }
        if (error instanceof ProtocolException p) {
            return "ProtocolException " + p.getMessage();
        }
        return error.getClass().getName() + " " + error.getMessage();
    }
}
