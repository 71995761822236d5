package dev.livetools.protocol;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.livetools.protocol.internal.Json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the client's decoder of server frames ({@link LiveCodec#decodeServer}) with arbitrary bytes. A crash is any
 * outcome other than a decoded {@link ServerMessage} or a {@link ProtocolException}; beyond that, the decoder must
 * agree with itself: binary and text frames of the same text decode alike, the streaming {@code toolCall} reader
 * never disagrees with the general path, and a decoded frame re-encoded the service's way decodes to the same message.
 *
 * <p>In {@code ./mvnw verify} this replays the seeds and past findings under
 * {@code src/test/resources/dev/livetools/protocol/ServerFrameFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes
 * (docs/testing.md). Every finding also gets a plain test in {@link ServerFrameFuzzFindingsTest}.
 */
class ServerFrameFuzzTest {

    private static final LiveCodec CODEC = new LiveCodec();

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"\"toolCall\"", "\"functionCalls\"", "\"id\"", "\"name\"", "\"args\"", "\"serverContent\"",
            "\"modelTurn\"", "\"parts\"", "\"text\"", "\"turnComplete\"", "\"setupComplete\"", "\"goAway\"",
            "\"timeLeft\"", "\"toolCallCancellation\"", "\"ids\"", "\"usageMetadata\"", "\"sessionResumptionUpdate\"",
            "\"newHandle\"", "\"resumable\"", "\"inlineData\"", "\"mimeType\"", "\"data\"", "\"function_calls\"",
            "\"tool_call\"", "\"totalTokenCount\"", "\"10s\"", "\"outputTranscription\"", "\"interrupted\"",
            "\"voiceActivity\"", "\"sessionId\"", "\"generationComplete\"", "\"executableCode\"", "null", "true",
            "1e400", "-0", "\"\\u0000\""})
    void decodeServerFrame(byte[] frame) {
        ServerMessage binary = decodeOrNull(() -> CODEC.decodeServer(frame));
        ServerMessage fromBuffer = decodeOrNull(() -> CODEC.decodeServer(ByteBuffer.wrap(frame)));
        assertThat(fromBuffer).isEqualTo(binary);
        String text = strictUtf8(frame);
        if (text != null) {
            assertThat(decodeOrNull(() -> CODEC.decodeServer(text))).isEqualTo(binary);
        }
        if (binary == null) {
            return;
        }
        ServerMessage fast = ToolCallFrames.tryDecode(JsonFrames.parser(frame, 0, frame.length));
        if (fast != null) {
            assertThat(fast).isEqualTo(ServerFrames.decode(JsonFrames.parse(frame)));
        }
        assertThat(CODEC.decodeServer(CODEC.encodeServerBytes(binary))).isEqualTo(binary);
    }

    /** The decoded frame, or null for the documented refusal; anything else propagates and fails the run. */
    private static ServerMessage decodeOrNull(java.util.function.Supplier<ServerMessage> decode) {
        try {
            ServerMessage message = decode.get();
            assertThat(message).isNotNull();
            return message;
        } catch (ProtocolException expected) {
            assertThat(expected.field()).isNotNull();
            return null;
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
