package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TikTok's answers, over HTTP, mapped to results and typed exceptions (blocking and asynchronous alike). */
class ErrorMappingTest {
    MockTikTok tiktok;
    TikTokEvents client;
    Event event;

    @BeforeEach
    void start() throws Exception {
        tiktok = new MockTikTok();
        client = tiktok.clientBuilder().build();
        event = Event.builder("ViewContent").page(Page.of("https://shop.example")).build();
    }

    @AfterEach
    void stop() {
        client.close();
        tiktok.close();
    }

    @ParameterizedTest(name = "code {0} -> {1}")
    @CsvSource({
            "40001, PermissionDeniedException, false",
            "40002, InvalidRequestException, false",
            "40007, InvalidRequestException, false",
            "40102, AuthenticationException, false",
            "40104, AuthenticationException, false",
            "40105, AuthenticationException, false",
            "40016, RateLimitException, true",
            "40100, RateLimitException, true",
            "40132, RateLimitException, true",
            "40133, RateLimitException, true",
            "50000, ServerException, true",
            "50002, ServerException, true",
            "51065, ServerException, true",
            "40700, TikTokApiException, true",
            "41234, TikTokApiException, false"})
    void aNonZeroCodeInAnHttp200AnswerIsThrownAsItsFamily(long code, String type, boolean retryable) {
        tiktok.answer("{\"code\":" + code + ",\"message\":\"something about data[0]\",\"request_id\":\"req-" + code + "\"}");

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> client.send(event));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.requestId()).isEqualTo("req-" + code);
        assertThat(e.apiMessage()).isEqualTo("something about data[0]");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).contains(Long.toString(code)).contains("req-" + code);
    }

    @Test
    void theAsynchronousCallFailsWithTheSameTypedException() {
        tiktok.answer("{\"code\":40100,\"message\":\"Too many requests\",\"request_id\":\"r1\"}");

        assertThatThrownBy(() -> client.sendAsync(event).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RateLimitException.class).hasMessageContaining("40100").hasMessageContaining("r1");
    }

    @Test
    void nullValuesInDataDoNotTurnASuccessIntoAFailure() {
        tiktok.answer("{\"code\":20001,\"message\":\"partial\",\"request_id\":\"r-p\","
                + "\"data\":{\"failed_events\":null,\"events_received\":1}}");

        SendResult result = client.send(event);

        assertThat(result.isPartial()).isTrue();
        assertThat(result.requestId()).isEqualTo("r-p");
        assertThat(result.data()).containsEntry("failed_events", null).containsKey("events_received");
    }

    @Test
    void aTokenWithACharacterNoHeaderCanCarryIsRefusedWithoutEchoingIt() {
        String pasted = "tok-\u200bSECRET-pasted";

        assertThatThrownBy(() -> tiktok.clientBuilder().accessToken(pasted).build())
                .isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining("access token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
    }

    @Test
    void retryAfterInSecondsIsKept() {
        tiktok.answer(200, "{\"code\":40100,\"message\":\"slow down\",\"request_id\":\"r\"}", "Retry-After", "7");

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client.send(event));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheClock() {
        // MockTikTok.CLOCK is 2023-02-01T12:00:00Z
        tiktok.answer(503, "<html>busy</html>", "Retry-After", "Wed, 01 Feb 2023 12:01:30 GMT");

        ServerException e = catchThrowableOfType(ServerException.class, () -> client.send(event));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(e.code()).isEqualTo(TikTokApiException.NO_CODE);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.isRetryable()).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} without an envelope -> {1}")
    @CsvSource({
            "401, AuthenticationException, false",
            "403, PermissionDeniedException, false",
            "404, InvalidRequestException, false",
            "429, RateLimitException, true",
            "500, ServerException, true",
            "502, ServerException, true",
            "200, TikTokApiException, false"})
    void withoutAnEnvelopeTheHttpStatusDecides(int status, String type, boolean retryable) {
        tiktok.answer(status, "<html>gateway says no</html>");

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> client.send(event));

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.getMessage()).doesNotContain("gateway says no");
    }

    @Test
    void anEnvelopeWithoutCodeOrWithAWrongShapeIsMappedNotLeaked() {
        tiktok.answer("{\"message\":\"OK\"}");
        tiktok.answer("[1,2,3]");
        tiktok.answer("{\"code\":\"zero\"}");
        tiktok.answer("");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.send(event)).isExactlyInstanceOf(TikTokApiException.class)
                    .hasMessageContaining("not TikTok's JSON envelope");
        }
    }

    @Test
    void partialSuccessIsASuccessThatSaysSoAndKeepsData() {
        tiktok.answer("{\"code\":20001,\"message\":\"Partial success\",\"request_id\":\"rp\","
                + "\"data\":{\"failed_events\":[{\"index\":0,\"reason\":\"bad\"}]},\"extra\":1}");

        SendResult result = client.send(event);

        assertThat(result.isPartial()).isTrue();
        assertThat(result.code()).isEqualTo(20001);
        assertThat(result.requestId()).isEqualTo("rp");
        assertThat(result.data()).containsKey("failed_events");
    }

    @Test
    void aDroppedConnectionIsARetryableTransportException() {
        tiktok.server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());

        assertThatThrownBy(() -> client.send(event)).isInstanceOf(TikTokTransportException.class)
                .hasMessageContaining("POST /open_api/v1.3/event/track/")
                .matches(e -> ((TikTokException) e).isRetryable());
    }

    @Test
    void aTimeoutIsATransportExceptionAsynchronouslyToo() {
        TikTokEvents impatient = tiktok.clientBuilder().readTimeout(Duration.ofMillis(100)).build();
        tiktok.server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
                .body("{\"code\":0}").build());

        assertThatThrownBy(() -> impatient.sendAsync(event).join())
                .cause().isInstanceOf(TikTokTransportException.class).hasMessageContaining("timed out");
        impatient.close();
    }

    @Test
    void theTokenIsCutOutOfAnythingTikTokEchoes() {
        tiktok.answer("{\"code\":40105,\"message\":\"token " + MockTikTok.TOKEN + " is invalid\",\"request_id\":\"r\"}");

        assertThatThrownBy(() -> client.send(event)).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining(MockTikTok.TOKEN).hasMessageContaining("token *** is invalid");
    }
}
