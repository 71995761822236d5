package dev.livetools.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The defect {@link WriteDemandGuard} works around, reproduced on a bare Java-WebSocket 1.6.0 server (see
 * {@link LostWakeupRace} for the interleaving). Excluded from the default build (tag {@code repro}); when this test
 * FAILS, the library no longer loses the wakeup and the guard can go. Run:
 * {@code ./mvnw -B package -pl testkit -am -Dtest=LostWakeupReproTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtestkit.excludedGroups= -Dgroups=repro}.
 */
@Tag("repro")
@Timeout(20)
class LostWakeupReproTest {

    @Test
    void aFrameSentDuringTheSelectorsFlushWaitsForTheNextInboundFrame() throws Exception {
        LostWakeupRace.Server server = new LostWakeupRace.Server(false);
        server.start();
        try {
            Client client = Client.connect(server);
            Client.raceTo(server, client);

            assertThat(client.received.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
            // The defect: "second" sits in the server's out queue with the write interest reset to READ ...
            assertThat(client.received.poll(2, TimeUnit.SECONDS)).as("frame sent inside the flush window").isNull();
            // ... until an inbound frame whose reply signals write demand again.
            client.send("poke");
            assertThat(client.received.poll(5, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(client.received.poll(5, TimeUnit.SECONDS)).isEqualTo("reply to poke");
            client.closeBlocking();
        } finally {
            server.shutdown();
        }
    }

    /** A client that records text frames. */
    static final class Client extends WebSocketClient {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        private Client(URI uri) {
            super(uri);
            setConnectionLostTimeout(0);
        }

        static Client connect(LostWakeupRace.Server server) throws InterruptedException {
            assertThat(server.started.await(5, TimeUnit.SECONDS)).isTrue();
            Client client = new Client(URI.create("ws://127.0.0.1:" + server.getPort()));
            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
            return client;
        }

        /** Drives the server into the lost-wakeup interleaving; "first" and "second" are then on their way. */
        static void raceTo(LostWakeupRace.Server server, Client client) throws InterruptedException {
            client.send("park");
            assertThat(client.received.poll(5, TimeUnit.SECONDS)).isEqualTo("parked");
            assertThat(server.selectorParked.await(5, TimeUnit.SECONDS)).isTrue();
            // The selector is parked inside a flush: this frame waits in the server's socket buffer, so the next
            // round both reads it and flushes "first".
            client.send("ping");
            Thread.sleep(200);
            server.queueFirstAndSendSecondInsideItsFlush();
            server.releaseSelector.countDown();
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
