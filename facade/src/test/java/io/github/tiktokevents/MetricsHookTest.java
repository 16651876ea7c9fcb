package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics hook hears what happened, on every path: HTTP attempts with their error type (TikTok's code on an HTTP
 * 200 error), retries, a processor's events (delivered + failed = enqueued, refusals apart) and its queue; and a hook
 * that throws changes no outcome.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@ExtendWith(QuietSdkLogs.class)
class MetricsHookTest {
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build();

    private final MockTikTok tiktok;
    private final Recorder recorder = new Recorder();

    MetricsHookTest() throws Exception {
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
    void eachHttpAttemptIsObservedWithItsErrorTypeAndEachRetryIsCounted() {
        tiktok.answer(503, "busy");
        tiktok.answer("{\"code\":40100,\"message\":\"too many requests\",\"request_id\":\"r2\",\"data\":{}}");
        tiktok.answerOk();
        try (TikTokEvents client = tiktok.clientBuilder().retryPolicy(QUICK).metrics(recorder).build()) {
            client.send(web("e1"));
        }

        assertThat(recorder.attempts).containsExactly(
                "web /open_api/v1.3/event/track/ 1 -> http_503",
                "web /open_api/v1.3/event/track/ 1 -> 40100",
                "web /open_api/v1.3/event/track/ 1 -> ok");
        assertThat(recorder.counts).containsEntry("retried web http_503", 1L).containsEntry("retried web 40100", 1L);
        assertThat(recorder.counts).doesNotContainKey("enqueued web"); // the direct path's caller holds the outcome
    }

    @Test
    void anAsyncSendIsObservedToo() {
        tiktok.answer("{\"code\":40002,\"message\":\"Invalid parameter\",\"request_id\":\"r1\",\"data\":{}}");
        try (TikTokEvents client = tiktok.clientBuilder().metrics(recorder).build()) {
            assertThatThrownBy(() -> client.sendAsync(web("e1")).join()).hasCauseInstanceOf(TikTokApiException.class);
        }
        assertThat(recorder.attempts).containsExactly("web /open_api/v1.3/event/track/ 1 -> 40002");
    }

    @Test
    void aProcessorsEventsAddUpAndItsQueueIsAnnouncedAndWithdrawn() {
        tiktok.answer("{\"code\":40002,\"message\":\"Invalid parameter: data[0].event\",\"request_id\":\"r1\",\"data\":{}}");
        tiktok.answerOk();
        try (TikTokEvents client = tiktok.clientBuilder().metrics(recorder).build()) {
            EventProcessor processor = client.processor(ProcessorOptions.builder().threadNamePrefix("metered")
                    .listener(quiet()).drainOnShutdown(false).build());
            processor.enqueue(web("refused"));
            assertThat(processor.flush()).isFalse();
            for (int i = 0; i < 3; i++) {
                processor.enqueue(web("ok-" + i));
            }
            assertThat(recorder.depth.get("metered").getAsLong()).isEqualTo(3);
            assertThat(processor.flush()).isTrue();
            processor.close();
            processor.enqueue(web("late"));

            ProcessorStats stats = processor.stats();
            assertThat(recorder.counts).containsEntry("enqueued web", stats.enqueued()).containsEntry("enqueued web", 4L)
                    .containsEntry("delivered web", 3L).containsEntry("failed web 40002", 1L)
                    .containsEntry("rejected web closed", 1L);
            assertThat(recorder.counts.get("delivered web") + recorder.counts.get("failed web 40002"))
                    .isEqualTo(recorder.counts.get("enqueued web"));
            assertThat(recorder.closedQueues).containsExactly("metered");
            assertThat(recorder.attempts).containsExactly("web /open_api/v1.3/event/track/ 1 -> 40002",
                    "web /open_api/v1.3/event/track/ 3 -> ok");
        }
    }

    @Test
    void aHookThatThrowsEverywhereChangesNoOutcome() {
        TikTokMetrics broken = new TikTokMetrics() {
            @Override
            public void eventsEnqueued(EventSource source, int count) {
                throw new IllegalStateException("broken binding");
            }

            @Override
            public void eventsDelivered(EventSource source, int count) {
                throw new StackOverflowError();
            }

            @Override
            public RequestObserver requestStarted(EventSource source, String endpoint, int events) {
                return (errorType, error) -> {
                    throw new IllegalStateException("broken observer");
                };
            }

            @Override
            public void queueOpened(String processor, EventSource source, LongSupplier depth) {
                throw new IllegalStateException("broken gauge");
            }
        };
        tiktok.answerOk();
        tiktok.answerOk();
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        try (TikTokEvents client = tiktok.clientBuilder().metrics(broken).build()) {
            assertThat(client.send(web("direct")).code()).isZero();
            EventProcessor processor = client.processor(ProcessorOptions.builder().drainOnShutdown(false)
                    .listener(new DeliveryListener() {
                        @Override
                        public void delivered(String eventId, String requestId) {
                            delivered.add(eventId);
                        }

                        @Override
                        public void failed(String eventId, TikTokException error) {
                        }
                    }).build());
            assertThat(processor.enqueue(web("queued"))).isTrue();
            assertThat(processor.flush()).isTrue();
            assertThat(delivered).containsExactly("queued");
        }
    }

    private static DeliveryListener quiet() {
        return (eventId, error) -> { };
    }

    /** Records every call as text, thread-safe. */
    private static final class Recorder implements TikTokMetrics {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        final Map<String, LongSupplier> depth = new ConcurrentHashMap<>();
        final List<String> closedQueues = Collections.synchronizedList(new ArrayList<>());

        private void add(String key, long n) {
            counts.merge(key, n, Long::sum);
        }

        @Override
        public void eventsEnqueued(EventSource source, int count) {
            add("enqueued " + source.wireValue(), count);
        }

        @Override
        public void eventsRejected(EventSource source, String errorType, int count) {
            add("rejected " + source.wireValue() + " " + errorType, count);
        }

        @Override
        public void eventsDelivered(EventSource source, int count) {
            add("delivered " + source.wireValue(), count);
        }

        @Override
        public void eventsFailed(EventSource source, String errorType, int count) {
            add("failed " + source.wireValue() + " " + errorType, count);
        }

        @Override
        public void requestRetried(EventSource source, String errorType) {
            add("retried " + source.wireValue() + " " + errorType, 1);
        }

        @Override
        public RequestObserver requestStarted(EventSource source, String endpoint, int events) {
            AtomicInteger calls = new AtomicInteger();
            return (errorType, error) -> {
                assertThat(calls.incrementAndGet()).isOne();
                assertThat(error == null).isEqualTo(errorType == null);
                attempts.add(source.wireValue() + " " + endpoint + " " + events + " -> " + (errorType == null ? "ok" : errorType));
            };
        }

        @Override
        public void queueOpened(String processor, EventSource source, LongSupplier queueDepth) {
            depth.put(processor, queueDepth);
        }

        @Override
        public void queueClosed(String processor, EventSource source, LongSupplier depth) {
            closedQueues.add(processor);
        }
    }
}
