package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whatever answers the SDK (a misconfigured proxy, an attacker in the middle) gets no token and no say in its logs. */
class UntrustedAnswersTest {
    private MockTikTok tiktok;
    private MockWebServer elsewhere;

    @BeforeEach
    void start() throws Exception {
        tiktok = new MockTikTok();
        elsewhere = new MockWebServer();
        elsewhere.start(0);
    }

    @AfterEach
    void stop() throws Exception {
        tiktok.close();
        elsewhere.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsATypedErrorNamingTheHostAndNothingReachesIt(int status) throws Exception {
        redirectTo(status);
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            assertRefusedRedirect(status, () -> client.send(web("r")));
        }
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 307})
    void aCallersClientThatFollowsRedirectsDoesNotFollowThemForTheSdk(int status) throws Exception {
        redirectTo(status);
        OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).followSslRedirects(true).build();
        try (TikTokEvents client = tiktok.clientBuilder().httpClient(following).build()) {
            assertRefusedRedirect(status, () -> client.sendAsync(web("r")).join());
        } finally {
            following.dispatcher().executorService().shutdown();
            following.connectionPool().evictAll();
        }
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\":\"0\"}", "{'code':0}", "{code:0}", "{\"code\":0} {\"code\":0}", "{\"code\":0.5}",
            "{\"code\":0,\"code\":0}", "[{\"code\":0}]", "{\"message\":\"OK\"}", "{\"code\":0,\"request_id\":7}"})
    void onlyAWellFormedEnvelopeWithANumericCodeIsAnAnswer(String body) throws Exception {
        tiktok.answer(body);
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            assertThatThrownBy(() -> client.send(web("s"))).isInstanceOfSatisfying(TikTokApiException.class, error -> {
                assertThat(error.code()).isEqualTo(TikTokApiException.NO_CODE);
                assertThat(error.isRetryable()).isFalse();
                assertThat(error).hasMessageContaining("not TikTok's JSON envelope");
            });
        }
    }

    @Test
    void aWellFormedEnvelopeIsStillReadWithItsData() throws Exception {
        tiktok.answer("{\"code\":20001,\"message\":\"partial\",\"request_id\":\"r-1\",\"data\":{\"failed\":[1]}}");
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            SendResult result = client.send(web("s"));
            assertThat(result.isPartial()).isTrue();
            assertThat(result.requestId()).isEqualTo("r-1");
            assertThat(result.data()).containsKey("failed");
        }
    }

    @Test
    void textTheServerSendsIsCleanedBoundedAndNeverCarriesTheToken() throws Exception {
        String forged = "\r\n2026-12-02 INFO payment accepted \u001b[2J\u202e" + MockTikTok.TOKEN + "x".repeat(100_000);
        tiktok.answer("{\"code\":40002,\"message\":\"" + escape(forged) + "\",\"request_id\":\"" + escape(forged) + "\"}");
        tiktok.answer("{\"code\":20001,\"message\":\"ok\",\"request_id\":\"r\",\"data\":{\"note\":\"" + escape(forged)
                + "\",\"" + escape(forged) + "\":[\"" + escape(forged) + "\"]}}");
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            TikTokApiException refused = (TikTokApiException) catchTikTok(() -> client.send(web("a")));
            SendResult partial = client.send(web("b"));

            List<String> shown = List.of(refused.getMessage(), refused.apiMessage(), refused.requestId(),
                    partial.toString(), String.valueOf(partial.data()));
            assertThat(shown).allSatisfy(text -> {
                assertThat(text).doesNotContain(MockTikTok.TOKEN).doesNotContain("\r").doesNotContain("\n")
                        .doesNotContain("\u001b").doesNotContain("\u202e");
                assertThat(text.length()).isLessThan(1_500);
            });
            assertThat(refused.requestId()).contains("more characters");
        }
    }

    @Test
    void aMalformedStatusLineReachesNoMessageOrCauseRaw() throws Exception {
        tiktok.server.enqueue(new MockResponse.Builder()
                .status("HTTP/1.1 2OO \u001b[31m" + MockTikTok.TOKEN + " forged").build());
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            TikTokException error = catchTikTok(() -> client.send(web("a")));
            List<String> messages = new ArrayList<>();
            for (Throwable t = error; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
            assertThat(error).isInstanceOf(TikTokTransportException.class);
            assertThat(String.join(" | ", messages)).doesNotContain(MockTikTok.TOKEN).doesNotContain("\u001b");
        }
    }

    @Test
    void aPlainHttpErrorIsReportedAsThatStatusWithoutACode() throws Exception {
        tiktok.answer(503, "<html>Service Unavailable</html>");
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            assertThatThrownBy(() -> client.send(web("a"))).isInstanceOfSatisfying(ServerException.class, error -> {
                assertThat(error.code()).isEqualTo(TikTokApiException.NO_CODE);
                assertThat(error.httpStatus()).isEqualTo(503);
                assertThat(error).hasMessageContaining("HTTP 503").hasMessageNotContaining("50000");
                assertThat(error.isRetryable()).isTrue();
            });
        }
    }

    @Test
    void aRefusedConnectionSaysTheRequestWasNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TikTokEvents client = tiktok.clientBuilder().baseUrl("http://127.0.0.1:" + closedPort).build()) {
            assertThatThrownBy(() -> client.send(web("a"))).isInstanceOf(TikTokTransportException.class)
                    .hasMessageContaining("not sent").hasMessageNotContaining("may or may not");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "ftp://business-api.tiktok.com", "business-api.tiktok.com"})
    void aBaseUrlThatIsNoHttpUrlFailsAtBuild(String url) {
        assertThatThrownBy(() -> tiktok.clientBuilder().baseUrl(url).build())
                .isInstanceOf(TikTokConfigurationException.class).hasMessageContaining("baseUrl");
    }

    private void redirectTo(int status) {
        tiktok.server.enqueue(new MockResponse.Builder().code(status)
                .addHeader("Location", elsewhere.url("/open_api/v1.3/event/track/").toString()).build());
        elsewhere.enqueue(new MockResponse.Builder().body("{\"code\":0,\"message\":\"OK\"}").build());
    }

    private void assertRefusedRedirect(int status, Runnable send) {
        TikTokException error = catchTikTok(send);
        assertThat(error).isInstanceOfSatisfying(TikTokApiException.class, api -> {
            assertThat(api.httpStatus()).isEqualTo(status);
            assertThat(api.isRetryable()).isFalse();
            assertThat(api).hasMessageContaining("redirect").hasMessageContaining(elsewhere.getHostName() + ":" + elsewhere.getPort());
        });
    }

    private static TikTokException catchTikTok(Runnable send) {
        try {
            send.run();
        } catch (TikTokException e) {
            return e;
        } catch (java.util.concurrent.CompletionException e) {
            return (TikTokException) e.getCause();
        }
        throw new AssertionError("no failure");
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : c == '"' ? "\\\"" : String.valueOf(c));
        }
        return out.toString();
    }

    private static Event web(String id) {
        return Event.builder("ViewContent").eventId(id).page(Page.of("https://shop.example")).build();
    }
}
