package dev.livetools.session;

import dev.livetools.dispatch.ResponseSink;
import dev.livetools.dispatch.ToolRunner;
import dev.livetools.protocol.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.livetools.session.SessionTestSupport.SETUP_COMPLETE;
import static dev.livetools.session.SessionTestSupport.TOOL_CALL;
import static dev.livetools.session.SessionTestSupport.builder;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thread that reads a connection (and hands tool calls to the runner): on Java 21+ a virtual thread, so that a
 * session costs one platform thread (Java-WebSocket's writer) instead of two; on 17 Java-WebSocket's own.
 */
@Timeout(30)
class ConnectionThreadTest {

    private static final class ThreadRecordingRunner implements ToolRunner {
        final CompletableFuture<Thread> dispatchedOn = new CompletableFuture<>();

        @Override
        public CompletableFuture<Void> dispatch(ToolCall call, ResponseSink sink) {
            dispatchedOn.complete(Thread.currentThread());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Set<String> cancel(Collection<String> ids) {
            return Set.of();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void framesAreReadOnAVirtualThreadFromJava21AndOnJavaWebSocketsThreadBefore() throws Exception {
        ThreadRecordingRunner runner = new ThreadRecordingRunner();
        try (ScriptedLiveServer server = new ScriptedLiveServer((peer, m) -> {
            if (m.kind().equals("setup")) {
                peer.sendSample(SETUP_COMPLETE).sendSample(TOOL_CALL);
            }
        });
             LiveSession session = builder(server, runner, new EventRecorder()).connect()) {
            Thread reader = runner.dispatchedOn.get(15, TimeUnit.SECONDS);
            if (Runtime.version().feature() >= 21) {
                assertThat(isVirtual(reader)).as(reader.toString()).isTrue();
                assertThat(reader.getName()).startsWith("WebSocketConnectReadThread-virtual-");
            } else {
                assertThat(reader.getName()).startsWith("WebSocketConnectReadThread-");
            }
        }
    }

    private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
        return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    }
}
