package dev.livetools.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A plain Java-WebSocket client for emulator tests: collects server frames and the close. */
final class TestClient extends WebSocketClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SETUP = "{\"setup\":{\"model\":\"models/gemini-3.8-live\"}}";

    /** A received data frame. */
    record Frame(boolean binary, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    /** How the connection ended. */
    record Closed(int code, String reason, boolean remote) {
    }

    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Closed> closed = new CompletableFuture<>();

    TestClient(URI uri) {
        super(uri);
        setConnectionLostTimeout(0);
        setTcpNoDelay(true);
    }

    TestClient(URI uri, Map<String, String> headers) {
        super(uri, headers);
        setConnectionLostTimeout(0);
        setTcpNoDelay(true);
    }

    static TestClient connect(URI uri) throws InterruptedException {
        TestClient client = new TestClient(uri);
        if (!client.connectBlocking(15, TimeUnit.SECONDS)) {
            throw new AssertionError("could not connect to " + uri + ": " + client.closed.getNow(null));
        }
        return client;
    }

    /** Connects and completes a default setup. */
    static TestClient connectAndSetup(LiveEmulator emulator) throws InterruptedException {
        TestClient client = connect(emulator.url());
        client.send(SETUP);
        client.expect("setupComplete");
        return client;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        frames.add(new Frame(false, message));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        frames.add(new Frame(true, StandardCharsets.UTF_8.decode(bytes).toString()));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        closed.complete(new Closed(code, reason, remote));
    }

    @Override
    public void onError(Exception ex) {
    }

    Frame next(Duration timeout) throws InterruptedException {
        Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout + "; closed: " + closed.getNow(null));
        }
        return frame;
    }

    /** The next frame's JSON, which must carry {@code key}. */
    JsonNode expect(String key) throws InterruptedException {
        JsonNode json = next(Duration.ofSeconds(15)).json();
        if (!json.has(key)) {
            throw new AssertionError("expected a frame with '" + key + "', got " + json);
        }
        return json;
    }

    Closed awaitClose() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }
}
