package dev.livetools.session;

import org.java_websocket.client.WebSocketClient;

import java.util.concurrent.ThreadFactory;

/**
 * Which thread runs a connection's handshake and read loop. Java-WebSocket's {@code connect()} starts a platform
 * thread for it, and the loop then starts a second one for writing: two per session. On Java 21+ the read loop runs on
 * a virtual thread instead (the client is a {@code Runnable}, and {@code connect()} does nothing else but start it),
 * which leaves one platform thread per connection, its writer; a virtual thread blocked in a socket read holds no
 * platform thread. The build targets Java 17, so virtual threads are reached reflectively.
 *
 * <p>{@code -Dlivetools.connection.virtualThreads=false} keeps Java-WebSocket's platform thread (for comparisons; see
 * docs/performance.md, "Sessions per JVM").
 */
final class ConnectionThreads {

    private static final ThreadFactory VIRTUAL = Boolean.parseBoolean(
            System.getProperty("livetools.connection.virtualThreads", "true")) ? virtualFactory() : null;

    private ConnectionThreads() {
    }

    /** Starts {@code client}'s handshake and read loop; its callbacks follow on that thread. */
    static void start(WebSocketClient client, int connection) {
        if (VIRTUAL == null) {
            client.connect();
            return;
        }
        Thread reader = VIRTUAL.newThread(client);
        // Java-WebSocket's own name for this thread: Connection.closeAndWait recognises the client's threads by it.
        reader.setName("WebSocketConnectReadThread-virtual-" + connection);
        reader.start();
    }

    /** Whether connections read on virtual threads in this JVM. */
    static boolean virtual() {
        return VIRTUAL != null;
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> type = Class.forName("java.lang.Thread$Builder");
            return (ThreadFactory) type.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // Java 17 to 20: Java-WebSocket's own platform thread
        }
    }
}
