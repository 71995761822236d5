package dev.livetools.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.protocol.LiveCodec;
import dev.livetools.protocol.ProtocolException;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.internal.CamelCaseTree;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SetupComplete;
import dev.livetools.testkit.RecordedFrame;
import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;

/**
 * One client connection: its protocol state (awaiting setup, active, closed), the session run it feeds, and the
 * only way frames leave the emulator (recorded, pretty-printed, in binary frames, through the write guard).
 */
final class Peer {

    private enum State { AWAITING_SETUP, ACTIVE, CLOSED }

    private static final LiveCodec CODEC = new LiveCodec();

    private final int id;
    private final String apiVersion;
    private final WebSocket socket;
    private final EmulatorServer server;
    private final EmulatorEngine engine;
    private volatile State state = State.AWAITING_SETUP;
    private volatile SessionRun run;
    /** Why the WebSocket library is about to close this connection on its own, when known. */
    private volatile String libraryCloseReason;

    Peer(int id, String apiVersion, WebSocket socket, EmulatorServer server, EmulatorEngine engine) {
        this.id = id;
        this.apiVersion = apiVersion;
        this.socket = socket;
        this.server = server;
        this.engine = engine;
    }

    public int id() {
        return id;
    }

    public boolean isOpen() {
        return state != State.CLOSED && socket.isOpen();
    }

    /** A frame from the client (text or binary, both read as UTF-8 JSON). Never throws. */
    void onFrame(String payload, RecordedFrame.Kind kind) {
        engine.log().record(id, RecordedFrame.Direction.RECEIVED, kind, payload, 0);
        if (state == State.CLOSED) {
            return;
        }
        try {
            handle(payload);
        } catch (ClientRules.Invalid e) {
            close(e.rejection());
        } catch (ProtocolException e) {
            close(ClientRules.fromCodec(e).rejection());
        } catch (RuntimeException e) {
            // Bad input never crashes the server: whatever slipped through is an invalid argument.
            close(Rejection.invalid(Rejection.INVALID_ARGUMENT + " (" + e + ")"));
        }
    }

    /**
     * The service's rules run on the message tree (names in lowerCamelCase); the message itself is read by core's
     * codec, the one protocol implementation client and emulator share.
     */
    private void handle(String payload) throws ClientRules.Invalid {
        JsonNode raw;
        try {
            raw = WireJson.MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new ClientRules.Invalid("Invalid JSON payload received. Unexpected token. "
                    + e.getOriginalMessage());
        }
        if (raw == null || raw.isMissingNode()) {
            throw new ClientRules.Invalid("Invalid JSON payload received. Empty message.");
        }
        JsonNode message = CamelCaseTree.normalize(raw);
        String type = ClientRules.kind(message);
        JsonNode body = message.get(type);
        if (state == State.AWAITING_SETUP) {
            if (!type.equals("setup")) {
                throw new ClientRules.Invalid(Rejection.INVALID_ARGUMENT + " The first message must be setup.");
            }
            engine.onSetup(this, body, () -> (Setup) CODEC.decodeClient(payload), apiVersion);
            return;
        }
        if (type.equals("setup")) {
            throw new ClientRules.Invalid(Rejection.INVALID_ARGUMENT);
        }
        if (type.equals("toolResponse")) {
            ClientRules.checkToolResponse(body);
        }
        SessionRun current = run;
        for (ClientEvent event : ClientEvents.of(CODEC.decodeClient(payload), id)) {
            current.deliver(event);
        }
    }

    /** Setup accepted: answer {@code setupComplete} and from now on feed {@code session}. */
    void activate(SessionRun session) {
        this.run = session;
        this.state = State.ACTIVE;
        send(ServerMessage.of(SetupComplete.empty()));
        session.attach(this);
    }

    /** Sends one server message, written by core's codec as the service writes it; false when the connection is gone. */
    public boolean send(ServerMessage message) {
        return sendFrame(CODEC.encodeServerBytes(message));
    }

    /** Sends a scenario's raw message exactly as given (service-style JSON); false when the connection is gone. */
    public boolean sendRaw(ObjectNode message) {
        return sendFrame(WireJson.serverFrame(message));
    }

    private boolean sendFrame(byte[] frame) {
        if (!isOpen()) {
            return false;
        }
        engine.log().record(id, RecordedFrame.Direction.SENT, RecordedFrame.Kind.BINARY,
                new String(frame, StandardCharsets.UTF_8), 0);
        try {
            server.sendBinary(socket, frame);
            return true;
        } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Closes with a close frame; the full reason is recorded, the wire gets the truncated one. */
    public void close(Rejection rejection) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        engine.log().record(id, RecordedFrame.Direction.SENT, RecordedFrame.Kind.CLOSE, rejection.reason(),
                rejection.code());
        server.close(socket, rejection.code(), rejection.wireReason());
    }

    /**
     * Cuts the TCP connection without a close frame, like a network failure. Frames already emitted are written
     * first (waiting up to 2 s), so a script's "send this, then drop" is deterministic.
     */
    public void drop() {
        if (state == State.CLOSED) {
            return;
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        while (socket.hasBufferedData() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        state = State.CLOSED;
        engine.log().record(id, RecordedFrame.Direction.SENT, RecordedFrame.Kind.CLOSE, "dropped without a close"
                + " frame", 1006);
        socket.closeConnection(1006, "dropped by the scenario");
    }

    /** A binary frame that is not UTF-8: the service cannot parse it as JSON text, so it is refused with 1007. */
    void onInvalidText(RecordedFrame.Kind kind, int bytes) {
        engine.log().record(id, RecordedFrame.Direction.RECEIVED, kind, "(" + bytes + " bytes of invalid UTF-8)", 0);
        libraryCloseReason = "invalid UTF-8 text in a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " frame";
        close(Rejection.invalid("Invalid JSON payload received. The frame is not valid UTF-8 text."));
    }

    void noteLibraryClose(String why) {
        libraryCloseReason = why;
    }

    /**
     * The socket is gone; tell the run who closed it so it can wait for a resumption or fail. A close the emulator
     * did not ask for was the WebSocket library's (invalid UTF-8 in a text frame: 1007; a frame over the size
     * limit: 1009): it is recorded as sent, with the cause.
     */
    void onClosed(int code, String reason, boolean remote) {
        boolean wasOpen = state != State.CLOSED;
        state = State.CLOSED;
        String why = reason;
        if (remote && wasOpen) {
            engine.log().record(id, RecordedFrame.Direction.RECEIVED, RecordedFrame.Kind.CLOSE, reason, code);
        } else if (!remote && wasOpen) {
            why = libraryCloseReason != null ? libraryCloseReason : switch (code) {
                case 1007 -> "invalid UTF-8 text from the client";
                case 1009 -> "a client frame larger than the emulator's frame size limit";
                default -> reason;
            };
            engine.log().record(id, RecordedFrame.Direction.SENT, RecordedFrame.Kind.CLOSE, why, code);
        } else if (libraryCloseReason != null) {
            why = reason + " (" + libraryCloseReason + ")";
        }
        SessionRun current = run;
        if (current != null) {
            current.detach(this, code, why, remote);
        }
    }
}
