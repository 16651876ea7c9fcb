package io.github.tiktokevents.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The raw baseline's client: one keep-alive connection that posts complete, pre-made HTTP/1.1 requests (request
 * line, headers and body in one direct buffer) with ONE {@code write} each, and reads each answer: status line,
 * headers and the {@code Content-Length} body, which must be TikTok's code 0. Nothing is built, copied or parsed
 * beyond that, so this is as fast as the wire and the server allow. Its socket keeps the operating system's
 * defaults: with the whole request in one write no piece waits for an ACK, so Nagle's algorithm never holds it.
 */
final class RawSocketClient implements AutoCloseable {
    private static final byte[] CODE_0 = "\"code\":0,".getBytes(StandardCharsets.US_ASCII);

    private final SocketChannel channel;
    private final ByteBuffer answer = ByteBuffer.allocate(16 * 1024);

    RawSocketClient(int port) throws IOException {
        channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * The complete requests for the given bodies, each in a direct buffer: a direct buffer goes to the socket as
     * it is, where a heap array would first be copied.
     */
    static List<ByteBuffer> requests(List<byte[]> bodies, String path, int port) {
        List<ByteBuffer> requests = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            byte[] head = ("POST " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Access-Token: bench-token\r\n"
                    + "Content-Type: application/json; charset=utf-8\r\n"
                    + "Accept: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer request = ByteBuffer.allocateDirect(head.length + body.length);
            request.put(head).put(body).flip();
            requests.add(request);
        }
        return requests;
    }

    /** Posts one request and waits for its answer. */
    void post(ByteBuffer request) throws IOException {
        ByteBuffer bytes = request.duplicate();
        while (bytes.hasRemaining()) {
            channel.write(bytes); // a blocking channel writes it all in one call
        }
        readAnswer();
    }

    private void readAnswer() throws IOException {
        answer.clear();
        int headEnd = -1;
        while (headEnd < 0) {
            read();
            headEnd = indexOf(answer.array(), answer.position(), new byte[] {'\r', '\n', '\r', '\n'});
        }
        String head = new String(answer.array(), 0, headEnd, StandardCharsets.US_ASCII);
        if (!head.startsWith("HTTP/1.1 200 ")) {
            throw new IOException("answered " + head.lines().findFirst().orElse(""));
        }
        int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int end = head.indexOf('\r', at);
        if (end < 0) {
            end = head.length(); // the last header: the head ends before its CRLF
        }
        int length = Integer.parseInt(head.substring(at + "content-length:".length(), end).trim());
        int bodyStart = headEnd + 4;
        while (answer.position() < bodyStart + length) {
            read();
        }
        if (indexOf(answer.array(), answer.position(), CODE_0) < bodyStart) {
            throw new IOException("not code 0: " + new String(answer.array(), bodyStart, length, StandardCharsets.UTF_8));
        }
    }

    private void read() throws IOException {
        if (channel.read(answer) < 0) {
            throw new IOException("the server closed the connection");
        }
    }

    private static int indexOf(byte[] bytes, int limit, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= limit; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Several connections, each with its own thread, posting the same pre-made requests: each connection takes the
     * next request not yet taken, so as many requests are in flight as there are connections.
     */
    static final class Pool implements AutoCloseable {
        private final List<RawSocketClient> clients = new ArrayList<>();
        private final List<ByteBuffer> requests;
        private final ExecutorService threads;

        Pool(int connections, int port, List<byte[]> bodies, String path) throws IOException {
            requests = requests(bodies, path, port);
            for (int i = 0; i < connections; i++) {
                clients.add(new RawSocketClient(port));
            }
            threads = Executors.newFixedThreadPool(connections, runnable -> {
                Thread thread = new Thread(runnable, "raw-socket-client");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Posts every request and waits for every answer. */
        void postAll() throws Exception {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> running = new ArrayList<>(clients.size());
            for (RawSocketClient client : clients) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        client.post(requests.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> done : running) {
                done.get();
            }
        }

        @Override
        public void close() throws IOException {
            threads.shutdownNow();
            for (RawSocketClient client : clients) {
                client.close();
            }
        }
    }
}
