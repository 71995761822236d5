package dev.livetools.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames {@link ServerFrameFuzzTest} found crashing the decoder, each kept as a plain test of its input. */
class ServerFrameFuzzFindingsTest {

    private final LiveCodec codec = new LiveCodec();

    @Test
    void nulBytesAtTheStartAreNotReadAsUtf32ButRefusedAsNotUtf8() {
        // Jackson guessed UTF-32LE from "{\0\0\0" and threw a bare CharConversionException (UncheckedIOException).
        byte[] frame = new byte[75 + 40];
        frame[0] = '{';
        System.arraycopy("\"serverContent\": {\"turnComplete\": true}}".getBytes(StandardCharsets.UTF_8), 0,
                frame, 75, 40);
        assertThatThrownBy(() -> codec.decodeServer(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void aUtf16ToolCallInABinaryFrameIsRefusedLikeTheSameBytesAsText() {
        // Guessing UTF-16 would run a call whose bytes no UTF-8 reader (and no text frame) would accept.
        byte[] frame = "{\"toolCall\":{\"functionCalls\":[{\"id\":\"a\",\"name\":\"f\",\"args\":{}}]}}"
                .getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> codec.decodeServer(frame)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> codec.decodeServer(new String(frame, StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aUtf16ByteOrderMarkIsRefused() {
        byte[] frame = "\uFEFF{\"setupComplete\":{}}".getBytes(StandardCharsets.UTF_16BE);
        assertThatThrownBy(() -> codec.decodeServer(frame))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("0xFE");
    }

    @Test
    void textAfterTheFrameIsRefusedNotIgnored() {
        // "{}\0N\n\"p\u001f\n" as text decoded as an empty frame, ignoring what followed it.
        assertThatThrownBy(() -> codec.decodeServer("{}\u0000N\n\"p\u001f\n"))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aSecondMessageInTheSameFrameIsRefusedNotDropped() {
        String two = "{\"toolCall\":{\"functionCalls\":[{\"id\":\"a\",\"name\":\"f\",\"args\":{}}]}}"
                + "{\"toolCall\":{\"functionCalls\":[{\"id\":\"b\",\"name\":\"f\",\"args\":{}}]}}";
        assertThatThrownBy(() -> codec.decodeServer(two)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> codec.decodeServer(two.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void trailingWhitespaceIsStillFine() {
        assertThat(codec.decodeServer("{\"setupComplete\": {}}\n\n  ").setupComplete()).isNotNull();
    }

    @Test
    void anOrdinaryUtf8FrameStillDecodes() {
        assertThat(codec.decodeServer("{\"setupComplete\":{}}".getBytes(StandardCharsets.UTF_8)).setupComplete())
                .isNotNull();
    }
}
