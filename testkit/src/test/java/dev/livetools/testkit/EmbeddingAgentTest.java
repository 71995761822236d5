package dev.livetools.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.ToolCatalog;
import dev.livetools.dispatch.CallEvent;
import dev.livetools.dispatch.ToolDispatcher;
import dev.livetools.session.ConnectionState;
import dev.livetools.session.LiveEndpoint;
import dev.livetools.session.LiveSession;
import dev.livetools.session.ModelTurn;
import dev.livetools.session.SessionEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedding API as a new user writes it: a catalog of ready-made tool objects, a dispatcher, a session wired to
 * it in one line, {@code SessionEvent} listeners, and a turn sent and awaited, against the emulator.
 */
@Timeout(60)
class EmbeddingAgentTest {

    private static final Scenario THERMOSTAT = Scenario.builder("embedded agent")
            .expectTimeout(Duration.ofSeconds(15))
            .expectText("Make the living room 21 degrees")
            .toolCall("c1", "setThermostat", Map.of("temperature", 21))
            .expectToolResponse(ResponseCheck.forId("c1").withName("setThermostat")
                    .withOutput(Map.of("room", "living room", "target", 21)))
            .text("The living room is set to 21 degrees.").turnComplete()
            .build();

    @Test
    void anAgentWiredWithToolsDispatcherRunsTheScenarioToPassed() throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            emulator.enqueue(THERMOSTAT);
            try (ToolCatalog catalog = ToolCatalog.builder().addInstances(new ThermostatTools()).build();
                 ToolDispatcher dispatcher = ToolDispatcher.builder(catalog).build();
                 LiveSession session = LiveSession.builder(LiveEndpoint.url(emulator.url().toString()))
                         .model("gemini-3.8-live")
                         .tools(dispatcher)
                         .listener(events::add)
                         .connect()) {
                ModelTurn turn = session.sendTurn("Make the living room 21 degrees").get(15, TimeUnit.SECONDS);

                assertThat(emulator.awaitResult(Duration.ofSeconds(15)).passed()).isTrue();
                assertThat(turn.text()).isEqualTo("The living room is set to 21 degrees.");
                assertThat(turn.toolCalls()).singleElement().satisfies(call -> {
                    assertThat(call.name()).isEqualTo("setThermostat");
                    assertThat(call.stage()).isEqualTo(CallEvent.Kind.FINISHED);
                    assertThat(call.response().at("/output/target").asInt()).isEqualTo(21);
                });
            }
        }
        assertThat(events).filteredOn(SessionEvent.ToolCall.class::isInstance)
                .extracting(e -> ((SessionEvent.ToolCall) e).stage())
                .containsExactly(CallEvent.Kind.QUEUED, CallEvent.Kind.STARTED, CallEvent.Kind.FINISHED);
    }

    @Test
    void listenersHaveSeenConnectedWhenConnectReturns() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        try (LiveEmulator emulator = LiveEmulator.builder().start()) {
            emulator.enqueue(Scenario.builder("quiet").expectTimeout(Duration.ofSeconds(5)).build());
            try (LiveSession session = LiveSession.builder(LiveEndpoint.url(emulator.url().toString()))
                    .model("gemini-3.8-live")
                    .listener(e -> {
                        sleepQuietly(50); // a slow listener: connect() must still wait for it to see CONNECTED
                        events.add(e);
                    })
                    .connect()) {
                assertThat(List.copyOf(events)).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                        SessionEvent.Connection.class, c -> assertThat(c.state()).isEqualTo(ConnectionState.CONNECTED)));
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
