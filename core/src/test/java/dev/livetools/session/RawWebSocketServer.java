package dev.livetools.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile WebSocket server on 127.0.0.1 that writes raw bytes: it completes the opening handshake by hand and then
 * lets the test send frames no well-behaved library would (a 2 GB length header, text that is not UTF-8). Each
 * accepted connection is handed to the script on its own daemon thread.
 */
final class RawWebSocketServer implements AutoCloseable {

    interface Script {
        void run(Socket socket, InputStream in, OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RawWebSocketServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s, script), "raw-ws-peer");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-ws-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/ws";
    }

    int connections() {
        return connections.get();
    }

    private static void serve(Socket s, Script script) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String key = readHandshake(in);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            script.run(s, in, out);
        } catch (IOException e) {
            // the client went away: that is what most scripts provoke
        }
    }

    /** A client frame: its opcode (1 text, 2 binary, 8 close, 9 ping, 10 pong) and unmasked payload. */
    record ClientFrame(int opcode, byte[] payload) {
    }

    /** Reads one client frame (masked, as clients must send) and returns its payload. */
    static byte[] readFrame(InputStream in) throws IOException {
        return readClientFrame(in).payload();
    }

    /** Reads one client frame with its opcode. */
    static ClientFrame readClientFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            throw new IOException("end of stream");
        }
        long len = b1 & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | in.read();
            }
        }
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes((int) len);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new ClientFrame(b0 & 0x0f, payload);
    }

    /** An unmasked server frame header with a 64-bit length, as RFC 6455 5.2 spells it. */
    static byte[] header(int opcode, long length) {
        byte[] h = new byte[10];
        h[0] = (byte) (0x80 | opcode);
        h[1] = 127;
        for (int i = 0; i < 8; i++) {
            h[9 - i] = (byte) (length >>> (8 * i));
        }
        return h;
    }

    /** An unmasked control frame (ping 9, pong 10): at most 125 bytes, so its length fits the first 7 bits. */
    static byte[] controlFrame(int opcode, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("control frames carry at most 125 bytes: " + payload.length);
        }
        byte[] f = new byte[2 + payload.length];
        f[0] = (byte) (0x80 | opcode);
        f[1] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 2, payload.length);
        return f;
    }

    /** A whole unmasked server frame. */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(header(opcode, payload.length));
        b.writeBytes(payload);
        return b.toByteArray();
    }

    private static String readHandshake(InputStream in) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        while (!request.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("end of stream in the handshake");
            }
            request.write(b);
        }
        for (String line : request.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        throw new IOException("no Sec-WebSocket-Key");
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
