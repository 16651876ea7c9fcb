package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Infinite" durations on the client: retry delays saturate instead of overflowing inside a callback (which left
 * {@code send} waiting forever), and HTTP timeouts OkHttp cannot take are refused with a typed error at the setter.
 * The waits below only guard against a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExtremeDurationsTest {
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private final MockTikTok tiktok;

    ExtremeDurationsTest() throws Exception {
        tiktok = new MockTikTok();
    }

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private static Event web(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example")).build();
    }

    @Test
    void anInfiniteRetryDelayEndsSendWithTheErrorInsteadOfBlockingForever() throws Exception {
        RetryPolicy policy = RetryPolicy.builder().initialDelay(FOREVER).maxDelay(FOREVER).maxRetryAfter(FOREVER).build();
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(policy).build()) {
            tiktok.answer(200, "{\"code\":50000,\"message\":\"busy\",\"request_id\":\"r1\"}",
                    "Retry-After", String.valueOf(Long.MAX_VALUE));

            CompletableFuture<SendResult> answer = client.sendAsync(web("e1"));

            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ServerException.class);
            assertThat(tiktok.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aSendWaitingForAnInfiniteRetryEndsWhenTheClientCloses() throws Exception {
        RetryPolicy policy = RetryPolicy.builder().initialDelay(FOREVER).maxDelay(FOREVER).maxElapsed(FOREVER).build();
        CompletableFuture<SendResult> answer;
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(policy).build()) {
            tiktok.answer("{\"code\":50000,\"message\":\"busy\",\"request_id\":\"r1\"}");
            answer = client.sendAsync(web("e1"));
            tiktok.take();
        }

        assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TikTokException.class);
    }

    @Test
    void httpTimeoutsOkHttpCannotTakeAreRefusedAtTheSetterByName() {
        BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>[] setters = setters();
        String[] names = {"connectTimeout", "readTimeout", "writeTimeout", "callTimeout"};
        for (int i = 0; i < setters.length; i++) {
            BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder> setter = setters[i];
            for (Duration bad : new Duration[] {FOREVER, Duration.ofDays(25), Duration.ofNanos(1)}) {
                assertThatThrownBy(() -> setter.apply(tiktok.clientBuilder(), bad))
                        .isInstanceOf(TikTokConfigurationException.class)
                        .hasMessageContaining(names[i]).hasMessageContaining("from 1 ms to 24 days");
            }
            setter.apply(tiktok.clientBuilder(), Duration.ofDays(24)).build().close();
        }
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>[] setters() {
        return new BiFunction[] {
            (BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>) TikTokEventsBuilder::connectTimeout,
            (BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>) TikTokEventsBuilder::readTimeout,
            (BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>) TikTokEventsBuilder::writeTimeout,
            (BiFunction<TikTokEventsBuilder, Duration, TikTokEventsBuilder>) TikTokEventsBuilder::callTimeout,
        };
    }
}
