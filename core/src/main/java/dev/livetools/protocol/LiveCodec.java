package dev.livetools.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.internal.Json;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * JSON encoding of Live messages, both directions. A client uses {@link #decodeServer} and {@link #encode}; a server
 * (the emulator) uses {@link #decodeClient} and {@link #encodeServer}. Decoding accepts what the service and the
 * official SDKs send: camelCase or snake_case keys, int64 values as strings or numbers, durations like {@code "50s"},
 * several message kinds in one frame. Unknown fields and unknown kinds are kept, never an error; a frame that is not
 * JSON, or a field of the wrong shape, raises a {@link ProtocolException} naming the field. Thread-safe and stateless.
 */
public final class LiveCodec {

    /** Decodes a server frame received as text. */
    public ServerMessage decodeServer(String json) {
        ServerMessage fast = ToolCallFrames.tryDecode(JsonFrames.parser(json));
        return fast != null ? fast : ServerFrames.decode(JsonFrames.parse(json));
    }

    /** Decodes a server frame received as binary (the service sends UTF-8 JSON in binary frames). */
    public ServerMessage decodeServer(byte[] utf8) {
        return decodeServer(utf8, 0, utf8.length);
    }

    /** Decodes a binary frame without copying when the buffer is array-backed; the buffer's position is not moved. */
    public ServerMessage decodeServer(ByteBuffer utf8) {
        if (utf8.hasArray()) {
            return decodeServer(utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.remaining());
        }
        byte[] copy = new byte[utf8.remaining()];
        utf8.duplicate().get(copy);
        return decodeServer(copy);
    }

    private static ServerMessage decodeServer(byte[] utf8, int offset, int length) {
        // Tool calls are what a host waits on: the plain shape is read by streaming, anything else (or anything
        // doubtful) by the general path, which then decides alone what the frame means.
        ServerMessage fast = ToolCallFrames.tryDecode(JsonFrames.parser(utf8, offset, length));
        return fast != null ? fast : ServerFrames.decode(JsonFrames.parse(utf8, offset, length));
    }

    /** The compact JSON text a client sends (as a text frame, like the official SDKs). */
    public String encode(ClientMessage message) {
        if (message instanceof ToolResponse t) {
            return ToolResponseFrames.compact(t);
        }
        return Json.compact(ClientFrames.encode(message));
    }

    /** The JSON tree of a client message, for assertions and inspection. */
    public ObjectNode toJson(ClientMessage message) {
        return ClientFrames.encode(message);
    }

    public ClientMessage decodeClient(String json) {
        return ClientFrames.decode(JsonFrames.parse(json));
    }

    public ClientMessage decodeClient(byte[] utf8) {
        return ClientFrames.decode(JsonFrames.parse(utf8));
    }

    public ClientMessage decodeClient(ByteBuffer utf8) {
        byte[] copy = new byte[utf8.remaining()];
        utf8.duplicate().get(copy);
        return decodeClient(copy);
    }

    /**
     * A server frame as the service writes it: pretty-printed with 2-space indentation and a trailing newline. Send
     * it as UTF-8 in a binary frame to be faithful.
     */
    public String encodeServer(ServerMessage message) {
        return Json.serviceStyle(ServerFrames.encode(message));
    }

    /** {@link #encodeServer} as the UTF-8 bytes of a binary frame. */
    public byte[] encodeServerBytes(ServerMessage message) {
        return encodeServer(message).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON tree of a server message. */
    public ObjectNode toJson(ServerMessage message) {
        return ServerFrames.encode(message);
    }
}
