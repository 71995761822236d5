package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many thousands of scripted tool round trips must never stall. Each round the emulator sends two frames back to
 * back (a text part, then the toolCall) from its session thread and the client answers the call at once, so the
 * selector often reads the answer and flushes in the same round while the next frames are queued: the interleaving
 * where Java-WebSocket 1.6.0 loses a wakeup (see WriteDemandGuard). Without the guard, one lost wakeup hangs the
 * run until the expect timeout.
 */
class ToolRoundTripStressTest {

    private static final int ROUND_TRIPS = 20_000;

    /** Answers every toolCall immediately from its receive thread; tracks the slowest gap between frames. */
    private static final class AnsweringClient extends WebSocketClient {
        final CountDownLatch setup = new CountDownLatch(1);
        final AtomicInteger answered = new AtomicInteger();
        final AtomicLong maxGapNanos = new AtomicLong();
        private long last = System.nanoTime();

        AnsweringClient(URI uri) {
            super(uri);
            setConnectionLostTimeout(0);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            send("{\"setup\":{\"model\":\"models/gemini-3.8-live\",\"tools\":[{\"functionDeclarations\":["
                    + "{\"name\":\"ping\"}]}]}}");
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            long now = System.nanoTime();
            JsonNode message = read(StandardCharsets.UTF_8.decode(bytes).toString());
            if (setup.getCount() == 0) {
                maxGapNanos.accumulateAndGet(now - last, Math::max);
            }
            last = now;
            if (message.has("setupComplete")) {
                setup.countDown();
            } else if (message.has("toolCall")) {
                String id = message.at("/toolCall/functionCalls/0/id").asText();
                send("{\"toolResponse\":{\"functionResponses\":[{\"id\":\"" + id + "\",\"name\":\"ping\","
                        + "\"response\":{\"output\":\"pong\"}}]}}");
                answered.incrementAndGet();
            }
        }

        private static JsonNode read(String text) {
            try {
                return TestClient.JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void onMessage(String message) {
            onMessage(StandardCharsets.UTF_8.encode(message));
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }

    @Test
    @Timeout(60)
    void twentyThousandToolRoundTripsFinishWithoutAStall() throws Exception {
        Scenario.Builder script = Scenario.builder("stress").expectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < ROUND_TRIPS; i++) {
            String id = "function-call-" + i;
            script.text("calling " + i).toolCall(id, "ping", Map.of("n", i))
                    .expectToolResponse(ResponseCheck.forId(id).withOutput("pong"));
        }
        try (LiveEmulator emulator = LiveEmulator.builder().scenario(script.build()).start()) {
            AnsweringClient client = new AnsweringClient(emulator.url());
            long start = System.nanoTime();
            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();

            ScenarioResult result = emulator.awaitResult(Duration.ofSeconds(50));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            System.out.printf("stress: %d tool round trips in %d ms (%.1f us each), slowest gap %.1f ms,"
                            + " write-guard rescues %d, rechecks %d%n", client.answered.get(), millis,
                    millis * 1000.0 / ROUND_TRIPS, client.maxGapNanos.get() / 1e6, emulator.writeGuardRescues(),
                    emulator.writeGuardRechecks());
            assertThat(result.passed()).as(() -> result.failures().toString()).isTrue();
            assertThat(client.answered).hasValue(ROUND_TRIPS);
            assertThat(millis).isLessThan(30_000);
            client.closeBlocking();
        }
    }
}
