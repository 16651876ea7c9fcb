package io.github.tiktokevents;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.event.EventDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer standing in for TikTok, plus helpers to answer and to read what TikTok received. A test class that
 * wants a fresh one per test registers it as an extension, which closes it after each test:
 *
 * <pre>{@code
 * @RegisterExtension
 * final MockTikTok tiktok = MockTikTok.started();
 * }</pre>
 */
public final class MockTikTok implements AutoCloseable, AfterEachCallback {
    public static final String TOKEN = "tok-SECRET-9f8e7d6c5b4a";
    public static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2023-02-01T12:00:00Z"), ZoneOffset.UTC);
    /** For events with the tests' 2023 timestamps: judged against the same clock, so none is old. */
    public static final EventDefaults DEFAULTS = EventDefaults.standard().withClock(CLOCK);

    final MockWebServer server = new MockWebServer();

    MockTikTok() throws IOException {
        server.start(0);
    }

    /** A started server, for a field initialiser. */
    static MockTikTok started() {
        try {
            return new MockTikTok();
        } catch (IOException e) {
            throw new UncheckedIOException("the mock TikTok server could not start", e);
        }
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** A client without retries, so each scripted answer is one attempt; retry tests set their own policy. */
    TikTokEventsBuilder clientBuilder() {
        return TikTokEvents.builder().accessToken(TOKEN).pixelCode(PIXEL).baseUrl(baseUrl())
                .clock(CLOCK).retryPolicy(RetryPolicy.none());
    }

    void answer(String json) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build());
    }

    void answerOk() {
        answer("{\"code\":0,\"message\":\"OK\",\"request_id\":\"req-ok\",\"data\":{}}");
    }

    void answer(int status, String body, String... headers) {
        MockResponse.Builder response = new MockResponse.Builder().code(status).body(body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }
        server.enqueue(response.build());
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("TikTok received no request");
        }
        return request;
    }

    static JsonObject json(RecordedRequest request) {
        return JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
