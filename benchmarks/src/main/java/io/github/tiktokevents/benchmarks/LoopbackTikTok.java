package io.github.tiktokevents.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for TikTok on loopback: a minimal HTTP/1.1 server on a plain {@link ServerSocket}, one thread per
 * connection, that reads every request completely (a {@code Content-Length} or chunked body, keep-alive), counts the
 * events in it and answers TikTok's envelope with code 0. Benchmarks that cross HTTP send both the SDK and its
 * baseline here, so the server's cost is the same on both sides.
 *
 * <p>Its sockets keep the operating system's defaults: Nagle's algorithm stays on and no buffer is sized, because a
 * server that turned Nagle off for its clients would hide a client's write-write-read stall (a request written in
 * pieces whose last piece waits for this side's delayed ACK), which a real TikTok endpoint does not hide. Each
 * answer, status line, headers and body, leaves in one write, as production servers send a small answer; that is
 * this server's own behaviour and does not depend on the client.
 */
public final class LoopbackTikTok implements AutoCloseable {
    private static final byte[] ANSWER_HEAD = ("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: %d\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    /** TikTok's envelope; the request id's digits are filled in per answer, so every answer has the same length. */
    private static final String ANSWER_BODY = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"%s\",\"data\":{}}";
    private static final int REQUEST_ID_DIGITS = 20;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** A request's line and headers must fit here; bodies stream through it in pieces of this size. */
    private static final int BUFFER = 64 * 1024;

    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong nextRequestId = new AtomicLong();

    private LoopbackTikTok(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Starts a server on an ephemeral loopback port.
     *
     * @return the running server
     * @throws IOException if no port can be bound
     */
    public static LoopbackTikTok start() throws IOException {
        EventCounter.warmUp();
        LoopbackTikTok server = new LoopbackTikTok(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::accept, "loopback-tiktok-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.add(socket);
            Thread connection = new Thread(() -> serve(socket), "loopback-tiktok-connection");
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            new Connection(socket.getInputStream(), socket.getOutputStream()).serve();
        } catch (IOException e) {
            // the client went away or the server closed: nothing to answer
        } finally {
            connections.remove(socket);
        }
    }

    /**
     * The base URL to point a client at, e.g. {@code http://127.0.0.1:41234}.
     *
     * @return the base URL without a trailing slash
     */
    public String baseUrl() {
        return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return listener.getLocalPort();
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

    /**
     * How many events the answered requests carried: the objects in the body's top-level array ({@code data} of
     * Events API 2.0, {@code batch} of 1.0's {@code /pixel/batch/}), or one for a body without such an array (1.0's
     * {@code /pixel/track/}).
     *
     * @return the event count
     */
    public long events() {
        return events.get();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** One keep-alive connection: reads requests one after another and answers each. */
    private final class Connection {
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[BUFFER];
        private final EventCounter counter = new EventCounter();
        private final byte[] answer;
        private final int requestIdAt;
        /** Unread bytes are {@code buffer[pos, limit)}. */
        private int pos;
        private int limit;

        Connection(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
            String body = String.format(ANSWER_BODY, "0".repeat(REQUEST_ID_DIGITS));
            byte[] head = String.format(new String(ANSWER_HEAD, StandardCharsets.US_ASCII), body.length())
                    .getBytes(StandardCharsets.US_ASCII);
            answer = Arrays.copyOf(head, head.length + body.length());
            System.arraycopy(body.getBytes(StandardCharsets.US_ASCII), 0, answer, head.length, body.length());
            requestIdAt = head.length + body.indexOf("\"request_id\":\"") + "\"request_id\":\"".length();
        }

        void serve() throws IOException {
            while (true) {
                int headEnd = readHead();
                if (headEnd < 0) {
                    return; // the client closed between requests
                }
                Head head = Head.parse(buffer, pos, headEnd);
                pos = headEnd;
                if (head.expectContinue) {
                    out.write(CONTINUE);
                }
                counter.reset();
                long read = head.chunked ? readChunked() : readBody(head.contentLength);
                long found = counter.elements();
                events.addAndGet(found == 0 && read > 0 ? 1 : found);
                bodyBytes.addAndGet(read);
                requests.incrementAndGet();
                answer();
                if (head.close) {
                    return;
                }
            }
        }

        /** Fills the request id's digits and sends the whole answer in one write. */
        private void answer() throws IOException {
            long id = nextRequestId.incrementAndGet();
            for (int i = requestIdAt + REQUEST_ID_DIGITS - 1; i >= requestIdAt; i--) {
                answer[i] = (byte) ('0' + id % 10);
                id /= 10;
            }
            out.write(answer);
        }

        /** Reads until the blank line after the headers; returns the index after it, or -1 at a clean end. */
        private int readHead() throws IOException {
            while (true) {
                for (int i = pos; i + 3 < limit; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                        return i + 4;
                    }
                }
                if (!fill()) {
                    if (limit == pos) {
                        return -1;
                    }
                    throw new IOException("the connection ended inside a request head");
                }
            }
        }

        /** Moves unread bytes to the front and reads more after them; false at the end of the stream. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buffer.length) {
                throw new IOException("a request head longer than " + BUFFER + " bytes");
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
            return true;
        }

        private long readBody(long length) throws IOException {
            long left = length;
            while (left > 0) {
                if (pos == limit) {
                    pos = 0;
                    limit = 0;
                    if (!fill()) {
                        throw new IOException("the connection ended inside a request body");
                    }
                }
                int n = (int) Math.min(left, limit - pos);
                counter.scan(buffer, pos, pos + n);
                pos += n;
                left -= n;
            }
            return length;
        }

        private long readChunked() throws IOException {
            long total = 0;
            while (true) {
                long size = Long.parseLong(line().split(";", 2)[0].trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers: nothing to keep
                    }
                    return total;
                }
                total += readBody(size);
                line(); // the CRLF that ends the chunk's data
            }
        }

        private String line() throws IOException {
            while (true) {
                for (int i = pos; i + 1 < limit; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                        String line = new String(buffer, pos, i - pos, StandardCharsets.US_ASCII);
                        pos = i + 2;
                        return line;
                    }
                }
                if (!fill()) {
                    throw new IOException("the connection ended inside a chunked body");
                }
            }
        }
    }

    /** What the server needs of a request head. */
    private static final class Head {
        long contentLength;
        boolean chunked;
        boolean close;
        boolean expectContinue;

        static Head parse(byte[] buffer, int from, int to) throws IOException {
            Head head = new Head();
            String text = new String(buffer, from, to - from, StandardCharsets.US_ASCII);
            String[] lines = text.split("\r\n");
            if (lines.length == 0 || !lines[0].endsWith("HTTP/1.1") && !lines[0].endsWith("HTTP/1.0")) {
                throw new SocketException("not an HTTP/1.x request: " + (lines.length == 0 ? "" : lines[0]));
            }
            head.close = lines[0].endsWith("HTTP/1.0");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
                switch (name) {
                    case "content-length" -> head.contentLength = Long.parseLong(value);
                    case "transfer-encoding" -> head.chunked = value.contains("chunked");
                    case "connection" -> head.close = value.contains("close")
                            || head.close && !value.contains("keep-alive");
                    case "expect" -> head.expectContinue = value.equals("100-continue");
                    default -> {
                        // not needed to read the body
                    }
                }
            }
            return head;
        }
    }

    /**
     * Counts the objects in a JSON body's top-level arrays as the bytes stream past, without building anything: it
     * tracks only whether it is inside a string and how deep it is, and skips string contents (most of an event's
     * bytes: hashes, URLs, the user agent) in a tight loop.
     */
    static final class EventCounter {
        private static final int MAX_DEPTH = 64;
        /** Whether each open container is an array; index 0 is the root. */
        private final boolean[] array = new boolean[MAX_DEPTH];
        private int depth;
        private boolean inString;
        private boolean escaped;
        private long elements;

        private static final java.lang.invoke.VarHandle LONGS =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
        private static final long ONES = 0x0101010101010101L;
        private static final long HIGHS = 0x8080808080808080L;

        /**
         * A word whose lowest set bit is the high bit of the first '"' or '\\' among the eight bytes (little-endian),
         * or 0 if there is none: the has-zero-byte test on the word XOR each. Bits above the first match may be
         * wrong, so only the lowest is used.
         */
        private static long quotesAndBackslashes(long word) {
            long quotes = word ^ (ONES * '"');
            long backslashes = word ^ (ONES * '\\');
            return (((quotes - ONES) & ~quotes) | ((backslashes - ONES) & ~backslashes)) & HIGHS;
        }

        /**
         * Runs the scanner until the JIT has compiled it, before the server takes its first request. Left to the
         * requests, the scanner's long loops were sometimes compiled only for on-stack replacement, and the server
         * then spent twice the CPU per byte for the whole run; a server whose speed differs from one fork to the
         * next would blur every comparison made on it.
         */
        static void warmUp() {
            byte[] sample = ("{\"head\":\"x\",\"data\":[{\"event\":\"ViewContent\",\"n\":1.5,\"ok\":true,"
                    + "\"hash\":\"" + "0123456789abcdef".repeat(4) + "\",\"quoted\":\"a \\\"b\\\" {c} [d]\","
                    + "\"user\":{\"ids\":[\"1\",\"2\"]},\"none\":null}]}").getBytes(StandardCharsets.US_ASCII);
            EventCounter counter = new EventCounter();
            for (int i = 0; i < 50_000; i++) {
                counter.reset();
                counter.scan(sample, 0, sample.length);
                if (counter.elements() != 1) {
                    throw new IllegalStateException("the event counter miscounts its warm-up sample");
                }
            }
        }

        void reset() {
            depth = 0;
            inString = false;
            escaped = false;
            elements = 0;
        }

        long elements() {
            return elements;
        }

        void scan(byte[] bytes, int from, int to) {
            int i = from;
            while (i < to) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                        i++;
                        continue;
                    }
                    // eight bytes at a time to the first quote or backslash
                    while (i + Long.BYTES <= to) {
                        long found = quotesAndBackslashes((long) LONGS.get(bytes, i));
                        if (found != 0) {
                            i += Long.numberOfTrailingZeros(found) >>> 3;
                            break;
                        }
                        i += Long.BYTES;
                    }
                    while (i < to) {
                        byte b = bytes[i];
                        if (b == '"') {
                            inString = false;
                            i++;
                            break;
                        }
                        i++;
                        if (b == '\\') {
                            if (i == to) {
                                escaped = true;
                            } else {
                                i++;
                            }
                        }
                    }
                    continue;
                }
                byte b = bytes[i++];
                switch (b) {
                    case '"' -> inString = true;
                    case '{', '[' -> {
                        if (b == '{' && depth == 2 && array[1] && !array[0]) {
                            elements++;
                        }
                        if (depth < MAX_DEPTH) {
                            array[depth] = b == '[';
                        }
                        depth++;
                    }
                    case '}', ']' -> depth--;
                    default -> {
                        // numbers, literals, commas, colons, white space
                    }
                }
            }
        }
    }
}
