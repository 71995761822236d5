package dev.livetools.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lost wakeup of {@link LostWakeupReproTest}, forced the same way, is rescued by the guard. */
@Timeout(30)
class WriteDemandGuardTest {

    @Test
    void aFrameSentDuringTheSelectorsFlushArrivesWithoutAnotherInboundFrame() throws Exception {
        LostWakeupRace.Server server = new LostWakeupRace.Server(true);
        server.start();
        try {
            LostWakeupReproTest.Client client = LostWakeupReproTest.Client.connect(server);
            LostWakeupReproTest.Client.raceTo(server, client);

            assertThat(client.received.poll(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(client.received.poll(10, TimeUnit.SECONDS)).isEqualTo("second");
            assertThat(server.guard.rescues()).as("at least the stranded \"second\"").isBetween(1L, 2L);
            client.closeBlocking();
        } finally {
            server.shutdown();
        }
    }
}
