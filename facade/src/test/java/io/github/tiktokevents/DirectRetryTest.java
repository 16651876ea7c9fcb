package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.delivery.DeliveryTestScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries of send, sendAsync and sendBatch: what is retried, Retry-After, no retry when disabled, interrupts, close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DirectRetryTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build();

    private final MockTikTok tiktok;

    DirectRetryTest() throws Exception {
        tiktok = new MockTikTok();
    }

    @AfterEach
    void stop() {
        tiktok.close();
        Thread.interrupted();
    }

    private static Event web(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example")).build();
    }

    private List<String> eventIdsOfAllRequests(int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = tiktok.take();
            MockTikTok.json(request).getAsJsonArray("data").forEach(e -> ids.add(e.getAsJsonObject().get("event_id").getAsString()));
        }
        return ids;
    }

    @Test
    void sendRetriesRateLimitsServerErrorsAndHttpFailuresWithTheSameEventId() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(QUICK).build()) {
            tiktok.answer("{\"code\":40100,\"message\":\"Too many requests\",\"request_id\":\"r1\"}");
            tiktok.answer("{\"code\":50002,\"message\":\"Internal error\",\"request_id\":\"r2\"}");
            tiktok.answer(503, "busy", "Retry-After", "0");
            tiktok.answerOk();

            SendResult result = client.send(web("same-id"));

            assertThat(result.code()).isZero();
            assertThat(eventIdsOfAllRequests(4)).containsOnly("same-id").hasSize(4);
        }
    }

    @Test
    void aNonRetryableCodeFailsAtOnce() {
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(QUICK).build()) {
            tiktok.answer("{\"code\":40002,\"message\":\"Invalid parameter\",\"request_id\":\"r1\"}");

            assertThatThrownBy(() -> client.send(web("bad"))).isInstanceOf(InvalidRequestException.class);
            assertThat(tiktok.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void retriesStopAtMaxAttemptsAndNoneDisablesThem() {
        RetryPolicy three = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).build();
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(three).build()) {
            for (int i = 0; i < 3; i++) {
                tiktok.answer("{\"code\":40016,\"message\":\"Too many requests\",\"request_id\":\"r\"}");
            }
            assertThatThrownBy(() -> client.sendAsync(web("e")).join()).cause().isInstanceOf(RateLimitException.class);
            assertThat(tiktok.server.getRequestCount()).isEqualTo(3);
        }
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            tiktok.answer(500, "oops");
            assertThatThrownBy(() -> client.send(web("e"))).isInstanceOf(ServerException.class);
            assertThat(tiktok.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void retryAfterIsHonouredOnTheInjectedClock() throws Exception {
        DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
        RetryPolicy policy = RetryPolicy.builder().initialDelay(Duration.ofMillis(1)).jitter(0).build();
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(policy).retryScheduler(scheduler).build()) {
            tiktok.answer(429, "slow down", "Retry-After", "7");
            tiktok.answerOk();

            CompletableFuture<SendResult> answer = client.sendAsync(web("e"));
            tiktok.take();
            while (!scheduler.hasTaskDueIn(Duration.ofSeconds(7))) {
                Thread.onSpinWait(); // the 429 is being read on OkHttp's thread, which then arms the retry timer
            }
            scheduler.advance(Duration.ofMillis(6_999));
            assertThat(tiktok.server.getRequestCount()).as("no retry before Retry-After").isEqualTo(1);
            assertThat(answer).isNotDone();

            scheduler.advance(Duration.ofMillis(1));

            assertThat(answer.get(10, TimeUnit.SECONDS).code()).isZero();
            assertThat(tiktok.server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    void sendBatchRetriesEachChunk() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(QUICK).build()) {
            tiktok.answer(500, "oops");
            tiktok.answerOk();
            tiktok.answer("{\"code\":51065,\"message\":\"busy\",\"request_id\":\"r\"}");
            tiktok.answerOk();
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                events.add(web("e" + i));
            }

            BatchResult result = client.sendBatch(events);

            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.chunks()).hasSize(2);
            assertThat(tiktok.server.getRequestCount()).isEqualTo(4);
        }
    }

    @Test
    void anInterruptedSendIsCancelledKeepsItsFlagAndTheRestOfTheBatchIsNotSent() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(QUICK).readTimeout(Duration.ofSeconds(30)).build()) {
            tiktok.server.enqueue(new mockwebserver3.MockResponse.Builder()
                    .headersDelay(20, TimeUnit.SECONDS).body("{\"code\":0}").build());
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                events.add(web("e" + i));
            }
            AtomicReference<BatchResult> result = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread sender = new Thread(() -> {
                result.set(client.sendBatch(events));
                flagKept.set(Thread.currentThread().isInterrupted());
            }, "test-sender");
            sender.start();
            tiktok.take();

            sender.interrupt();
            sender.join(10_000);

            assertThat(flagKept).isTrue();
            assertThat(result.get().chunks()).hasSize(3).allSatisfy(chunk -> assertThat(chunk.succeeded()).isFalse());
            assertThat(result.get().chunks().get(0).error()).hasMessageContaining("Interrupted");
            assertThat(result.get().eventCount()).isEqualTo(2500);
            assertThat(tiktok.server.getRequestCount()).as("the other chunks were not sent").isEqualTo(1);
        }
    }

    @Test
    void closeGivesUpARequestWaitingForItsRetry() throws Exception {
        RetryPolicy slow = RetryPolicy.builder().initialDelay(Duration.ofMinutes(1)).jitter(0).build();
        TikTokEvents client = tiktok.clientBuilder().retryPolicy(slow).build();
        tiktok.answer(500, "oops");
        CompletableFuture<SendResult> answer = client.sendAsync(web("e"));
        tiktok.take();
        while (liveRetryThreads() == 0) {
            Thread.onSpinWait(); // the retry timer starts its thread when armed
        }

        client.close();

        assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(TikTokException.class).hasMessageContaining("closed");
        assertThat(liveRetryThreads()).isZero();
        assertThat(tiktok.server.getRequestCount()).isEqualTo(1);
        assertThatThrownBy(() -> client.send(web("late"))).isInstanceOf(TikTokConfigurationException.class);
    }

    private static long liveRetryThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("tiktok-events-retry")).count();
    }
}
