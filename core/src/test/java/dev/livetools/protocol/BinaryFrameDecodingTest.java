package dev.livetools.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Binary frames arrive as {@link ByteBuffer}s: direct or array-backed, and array-backed ones may be a window into a
 * larger array. Each decodes its own bytes only, leaves the buffer's position alone, and reports problems at
 * positions within the frame.
 */
class BinaryFrameDecodingTest {

    private static final byte[] SETUP_COMPLETE = "{\"setupComplete\":{\"sessionId\":\"s-1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private final LiveCodec codec = new LiveCodec();

    private static byte[] framed(byte[] frame, int before, int after) {
        byte[] all = new byte[before + frame.length + after];
        java.util.Arrays.fill(all, (byte) 'x');
        System.arraycopy(frame, 0, all, before, frame.length);
        return all;
    }

    @Test
    void aDirectBufferDecodesLikeAnArrayAndKeepsItsPosition() {
        ByteBuffer direct = ByteBuffer.allocateDirect(SETUP_COMPLETE.length);
        direct.put(SETUP_COMPLETE).flip();

        assertThat(codec.decodeServer(direct).setupComplete().sessionId()).isEqualTo("s-1");
        assertThat(direct.position()).isZero();
        assertThat(direct.remaining()).isEqualTo(SETUP_COMPLETE.length);
    }

    @Test
    void aWindowIntoALargerArrayDecodesOnlyItsOwnBytes() {
        byte[] all = framed(SETUP_COMPLETE, 7, 5);
        ByteBuffer positioned = ByteBuffer.wrap(all, 7, SETUP_COMPLETE.length);
        ByteBuffer sliced = positioned.slice(); // arrayOffset 7, position 0

        assertThat(codec.decodeServer(positioned).setupComplete().sessionId()).isEqualTo("s-1");
        assertThat(positioned.position()).isEqualTo(7);
        assertThat(codec.decodeServer(sliced).setupComplete().sessionId()).isEqualTo("s-1");
    }

    @Test
    void aNulByteIsReportedAtItsOffsetWithinTheFrameNotWithinTheArray() {
        byte[] frame = {'{', 0, '}'};
        ByteBuffer sliced = ByteBuffer.wrap(framed(frame, 5, 0), 5, frame.length).slice();

        assertThatThrownBy(() -> codec.decodeServer(sliced)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("a NUL byte at offset 1)");
    }

    @Test
    void malformedJsonIsReportedWithItsLineAndColumn() {
        assertThatThrownBy(() -> codec.decodeServer("{\"setupComplete\":\n  }"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("line 2, column");
    }
}
