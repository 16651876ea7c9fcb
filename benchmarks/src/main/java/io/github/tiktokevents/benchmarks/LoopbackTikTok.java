package io.github.tiktokevents.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cheapest possible stand-in for TikTok on loopback: reads each request body completely and answers code 0.
 * Benchmarks that cross HTTP send both the SDK and its baseline here, so the server's cost is the same on both sides.
 */
public final class LoopbackTikTok implements AutoCloseable {
    private static final byte[] OK = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"bench\",\"data\":{}}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService workers;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();

    private LoopbackTikTok(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts a server on an ephemeral loopback port.
     *
     * @return the running server
     * @throws IOException if no port can be bound
     */
    public static LoopbackTikTok start() throws IOException {
        // Without TCP_NODELAY the JDK server's small answers meet delayed ACKs: ~40 ms per request on loopback,
        // which would make every HTTP benchmark measure the kernel's timers instead of the clients.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "loopback-tiktok");
            thread.setDaemon(true);
            return thread;
        });
        LoopbackTikTok loopback = new LoopbackTikTok(server, workers);
        server.createContext("/", loopback::answer);
        server.setExecutor(workers);
        server.start();
        return loopback;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes.addAndGet(body.transferTo(OutputSink.INSTANCE));
        }
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, OK.length);
        exchange.getResponseBody().write(OK);
        exchange.close();
    }

    /**
     * The base URL to point a client at, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the base URL without a trailing slash
     */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * How many requests were answered so far.
     *
     * @return the request count
     */
    public long requests() {
        return requests.get();
    }

    /**
     * How many request body bytes were read so far.
     *
     * @return the byte count
     */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** Discards what it is given: the server only needs to read the body, not keep it. */
    private static final class OutputSink extends java.io.OutputStream {
        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
