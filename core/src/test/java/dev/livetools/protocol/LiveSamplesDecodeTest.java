package dev.livetools.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every recorded frame in {@code live-samples} (copied from {@code shared/live-samples}) decodes. */
class LiveSamplesDecodeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LiveCodec codec = new LiveCodec();

    static Stream<String> serverSamples() {
        return samples().filter(n -> !n.contains("-client-") && !n.startsWith("close-frames"));
    }

    static Stream<String> clientSamples() {
        return samples().filter(n -> n.contains("-client-"));
    }

    static Stream<String> samples() {
        try {
            Path dir = Path.of(LiveSamplesDecodeTest.class.getResource("/live-samples").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                        .toList().stream();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = LiveSamplesDecodeTest.class.getResourceAsStream("/live-samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverSamples")
    void everyServerSampleDecodesAsBinaryFrameWithEveryTopLevelKeyAccountedFor(String name) throws IOException {
        byte[] frame = bytes(name);
        ServerMessage message = codec.decodeServer(frame);
        JsonNode raw = MAPPER.readTree(frame);
        assertThat(message.kinds()).containsExactlyInAnyOrderElementsOf(() -> raw.fieldNames());
        assertThat(message.unknown()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverSamples")
    void everyServerSampleSurvivesEncodeServerAndDecodeAgain(String name) {
        ServerMessage message = codec.decodeServer(bytes(name));
        assertThat(codec.decodeServer(codec.encodeServerBytes(message))).isEqualTo(message);
    }

    /** The emulator writes its frames with this codec: the recorded MLDev frames come out byte for byte. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rec-mldev-server-toolCall.json",
            "rec-mldev-server-setupComplete.json", "rec-mldev-server-modelTurn-text-1.json",
            "rec-mldev-server-generationComplete.json", "rec-mldev-server-turnComplete-usageMetadata.json"})
    void encodeServerWritesTheRecordedFramesByteForByte(String name) {
        byte[] recorded = bytes(name);

        assertThat(new String(codec.encodeServerBytes(codec.decodeServer(recorded)),
                java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(recorded, java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientSamples")
    void everyClientSampleRoundTripsToTheSameJsonTree(String name) throws IOException {
        byte[] frame = bytes(name);
        ClientMessage message = codec.decodeClient(frame);
        JsonNode encoded = MAPPER.readTree(codec.encode(message));
        assertThat(encoded).isEqualTo(camelTopLevel((ObjectNode) MAPPER.readTree(frame)));
    }

    /** The Python SDK sends {@code tool_response}; we always write the camelCase key the service emits. */
    private static ObjectNode camelTopLevel(ObjectNode node) {
        ObjectNode out = MAPPER.createObjectNode();
        node.fields().forEachRemaining(e -> out.set(Fields.camelCase(e.getKey()), e.getValue()));
        return out;
    }
}
