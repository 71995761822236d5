package dev.livetools.session;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.handle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.ServerContent;
import dev.livetools.protocol.ServerMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A quiet session keeps no thread of its own besides its connection's: event delivery and the reconnect timer have a
 * thread only while they have work (with 1,000 sessions a parked thread each was 1,000 threads per kind), and get a
 * new one when work comes again.
 */
@Timeout(60)
class LiveSessionIdleThreadsTest {

    @Test
    void aQuietSessionThatHasResumedKeepsNoEventOrTimerThreadAndStillDeliversLaterEvents() throws Exception {
        EventRecorder events = new EventRecorder();
        Set<String> before = sessionThreads();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).send(handle("h" + peer.connection));
                if (peer.connection == 1) {
                    peer.close(1011, "Internal error encountered."); // resumed through the session's timer
                }
            } else if (m.kind().equals("clientContent")) {
                peer.send(ServerMessage.of(ServerContent.text("still here")));
            }
        });
             LiveSession session = LiveSession.builder(server.endpoint()).model("m")
                     .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5).listener(events).connect()) {
            events.awaitState(ConnectionState.RESUMED);
            assertThat(newThreads(before)).as("while the session was busy").isNotEmpty();

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!newThreads(before).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(newThreads(before)).as("event and timer threads of a quiet session").isEmpty();

            session.sendText("are you there?");
            SessionEvent text = events.await(e -> e instanceof SessionEvent.Text, SessionTestSupport.WAIT);
            assertThat(text).isNotNull();
        }
    }

    private static List<String> newThreads(Set<String> before) {
        return sessionThreads().stream().filter(n -> !before.contains(n)).toList();
    }

    private static Set<String> sessionThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("livetools-session-") && (n.endsWith("-events") || n.endsWith("-timer")))
                .collect(Collectors.toSet());
    }
}
