package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * However large, endless or compressed an answer is, the SDK reads at most its bound, at every HTTP log level:
 * an oversized answer is a typed, non-retryable error and the log shows a bounded prefix.
 */
class BoundedAnswersTest {
    private static final int LOG_BOUND = 5_000;

    @ParameterizedTest
    @EnumSource(HttpLogLevel.class)
    void aHugeAnswerIsATypedErrorAndTheLogStaysSmall(HttpLogLevel level) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = tiktok.clientBuilder().httpLogLevel(level).httpLogger(log::add).build()) {
            Buffer huge = new Buffer().writeUtf8("{\"code\":0,\"message\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}");
            tiktok.server.enqueue(new MockResponse.Builder().body(huge).build());

            assertOversized(() -> client.send(web()));
            assertThat(log).allSatisfy(line -> assertThat(line.length()).isLessThan(LOG_BOUND));
        }
    }

    @ParameterizedTest
    @EnumSource(HttpLogLevel.class)
    void aGzipBombIsReadOnlyUpToTheBound(HttpLogLevel level) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = tiktok.clientBuilder().httpLogLevel(level).httpLogger(log::add).build()) {
            tiktok.server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip")
                    .body(gzipOfZeros(64 * 1024 * 1024)).build());

            assertOversized(() -> client.send(web()));
            assertThat(log).allSatisfy(line -> assertThat(line.length()).isLessThan(LOG_BOUND));
        }
    }

    @ParameterizedTest
    @EnumSource(HttpLogLevel.class)
    void anEndlessAnswerEndsAtTheBound(HttpLogLevel level) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (EndlessServer server = new EndlessServer();
             TikTokEvents client = TikTokEvents.builder().accessToken(MockTikTok.TOKEN).pixelCode(MockTikTok.PIXEL)
                     .baseUrl("http://127.0.0.1:" + server.port()).retryPolicy(RetryPolicy.none())
                     .callTimeout(Duration.ofSeconds(30)).httpLogLevel(level).httpLogger(log::add).build()) {
            assertOversized(() -> client.send(web()));
            assertThat(log).allSatisfy(line -> assertThat(line.length()).isLessThan(LOG_BOUND));
        }
    }

    private static void assertOversized(Runnable send) {
        assertThatThrownBy(send::run).isInstanceOfSatisfying(TikTokApiException.class, error -> {
            assertThat(error).hasMessageContaining("larger than");
            assertThat(error.isRetryable()).isFalse();
        });
    }

    private static Buffer gzipOfZeros(int bytes) throws IOException {
        Buffer compressed = new Buffer();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed.outputStream())) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < bytes; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return compressed;
    }

    private static Event web() {
        return Event.builder("ViewContent").eventId("big").page(Page.of("https://shop.example")).build();
    }

    /** Answers every request with a chunked body that never ends, until closed. */
    private static final class EndlessServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final Thread thread = new Thread(this::serve, "endless-answer");

        EndlessServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            try (Socket client = socket.accept()) {
                InputStream in = client.getInputStream();
                byte[] discard = new byte[8192];
                in.read(discard); // the request's start is enough; the answer does not wait for the rest
                OutputStream out = client.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("2000\r\n" + "{".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (!socket.isClosed()) {
                    out.write(chunk);
                }
            } catch (IOException closed) {
                // the client hung up or the test ended
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
