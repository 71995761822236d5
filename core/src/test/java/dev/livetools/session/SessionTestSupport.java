package dev.livetools.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.livetools.protocol.FunctionCall;
import dev.livetools.protocol.FunctionDeclaration;
import dev.livetools.protocol.Schema;
import dev.livetools.protocol.ServerMessage;
import dev.livetools.protocol.SessionResumptionUpdate;
import dev.livetools.protocol.Setup;
import dev.livetools.protocol.ToolCall;
import dev.livetools.protocol.ToolResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Fixtures shared by the session tests: recorded frame names, declarations, a fast-reconnecting builder. */
final class SessionTestSupport {

    static final String SETUP_COMPLETE = "rec-mldev-server-setupComplete.json";
    static final String TOOL_CALL = "rec-mldev-server-toolCall.json";
    static final String TOOL_CALL_ID = "function-call-5831923424298605773";
    static final String VERTEX_TOOL_CALL = "rec-vertex-server-toolCall.json";
    static final String VERTEX_TOOL_CALL_ID = "8acdafcd-9c55-44be-84da-da3d2612f9d1";
    static final String EXECUTABLE_CODE = "rec-mldev-server-modelTurn-executableCode-before-toolCall.json";
    static final String TURN_COMPLETE_USAGE = "rec-mldev-server-turnComplete-usageMetadata.json";
    static final String TEXT_YEAH = "rec-mldev-server-modelTurn-text-1.json";
    static final String GO_AWAY = "field-goAway-50s.reconstructed.json";
    static final String RESUMPTION_UPDATE = "sdktest-js-sessionResumptionUpdate.json";
    static final String RESUMPTION_HANDLE = "test_handle";
    static final String CANCELLATION = "shape-toolCallCancellation.NOT-CAPTURED.json";
    /**
     * An upper bound for waiting on an event or a connect: generous, because a loaded CI machine can stall a thread
     * for seconds, yet short enough that a broken session fails its test instead of hanging it. The mutation profile
     * shortens it ({@code -Dlivetools.test.wait=PT4S}), so that a mutant that loses an event fails within PIT's
     * per-test timeout rather than running into it.
     */
    static final Duration WAIT = Duration.parse(System.getProperty("livetools.test.wait", "PT10S"));

    static final List<FunctionDeclaration> WEATHER = List.of(new FunctionDeclaration("get_current_weather",
            "Get the current weather in a given location", null, Schema.of(Schema.Type.OBJECT).withProperties(
                    Map.of("location", Schema.of(Schema.Type.STRING)), List.of("location"), null)));

    private SessionTestSupport() {
    }

    static LiveSession.Builder builder(ScriptedLiveServer server, dev.livetools.dispatch.ToolRunner runner, EventRecorder events) {
        LiveSession.Builder b = LiveSession.builder(server.endpoint())
                .model("gemini-live-2.5-flash-preview")
                .responseModality("TEXT")
                .setupTimeout(WAIT)
                .reconnect(Duration.ofMillis(20), Duration.ofMillis(100), 5)
                .listener(events);
        return runner == null ? b : b.tools(WEATHER, runner);
    }

    static ServerMessage handle(String handle) {
        return ServerMessage.of(new SessionResumptionUpdate(handle, true, null));
    }

    static ServerMessage calls(String... ids) {
        return ServerMessage.of(new ToolCall(java.util.Arrays.stream(ids)
                .map(id -> new FunctionCall(id, "get_current_weather",
                        JsonNodeFactory.instance.objectNode().put("location", "Oslo")))
                .toList()));
    }

    static Predicate<ScriptedLiveServer.Event> responseTo(String id) {
        return e -> e.message() instanceof ToolResponse r
                && r.functionResponses().stream().anyMatch(f -> id.equals(f.id()));
    }

    static Predicate<ScriptedLiveServer.Event> setupOn(int connection) {
        return e -> e.connection() == connection && e.message() instanceof Setup;
    }

    static Predicate<ScriptedLiveServer.Event> closeOf(int connection) {
        return e -> e.connection() == connection && e.what().startsWith("close");
    }

    /** A listener that holds its event thread on every text event until {@code release} opens: a slow listener. */
    static LiveSessionListener holdingTextEventsUntil(java.util.concurrent.CountDownLatch release) {
        return e -> {
            if (e instanceof SessionEvent.Text) {
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
