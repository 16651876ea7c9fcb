package io.github.tiktokevents.outbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One scenario on the in-memory processor and on processors over the JDBC outbox (PostgreSQL, H2): five good events
 * and one TikTok refuses, the first request rate-limited. The listener hears the same outcomes, the counters and the
 * metrics hook say the same, and the outbox keeps the refused event with TikTok's answer.
 */
class ProcessorParityTest {
    private static final int GOOD = 5;

    private final RecordingMetrics metrics = new RecordingMetrics();
    private TikTokEmulator emulator;
    private TikTokEvents tiktok;

    /** Where the processor keeps its events. */
    enum Store { MEMORY, POSTGRESQL, H2 }

    @BeforeEach
    void start() {
        // stricter than the SDK's one hour, so the SDK builds the event and TikTok (here the emulator) refuses it
        emulator = TikTokEmulator.builder().futureTolerance(Duration.ofMinutes(5)).build().start();
        tiktok = TikTokEvents.builder().accessToken(emulator.accessToken()).pixelCode(RelayCrashTest.PIXEL)
                .baseUrl(emulator.baseUrl()).metrics(metrics).build();
    }

    @AfterEach
    void stop() {
        tiktok.close();
        emulator.close();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void theListenerCountersAndMetricsHookTellTheSameOnEveryStore(Store store) throws Exception {
        Outcomes outcomes = new Outcomes(GOOD + 1);
        ProcessorOptions options = ProcessorOptions.builder().listener(outcomes).maxDelay(Duration.ofMillis(50))
                .drainOnShutdown(false).build();
        JdbcOutbox outbox = null;
        EventProcessor processor;
        if (store == Store.MEMORY) {
            processor = tiktok.processor(options);
        } else {
            outbox = JdbcOutbox.builder(TestDatabases.dataSource(
                    store == Store.H2 ? SqlDialect.H2 : SqlDialect.POSTGRESQL)).table(TestDatabases.newTable()).build();
            outbox.createTable();
            processor = tiktok.processor(options, outbox);
        }
        emulator.faults().next(Fault.rateLimited());

        for (int i = 0; i < GOOD; i++) {
            assertThat(processor.enqueue(TestEvents.web("good-" + i))).isTrue();
        }
        assertThat(processor.enqueue(Event.builder(EventNames.VIEW_CONTENT).eventId("too-early")
                .timestamp(Instant.now().plus(Duration.ofMinutes(30)))
                .page(Page.of("https://www.example.com/")).build())).isTrue();
        assertThat(outcomes.all.await(60, TimeUnit.SECONDS)).as("every outcome heard").isTrue();

        assertThat(outcomes.delivered.keySet()).containsExactlyInAnyOrder(
                "good-0", "good-1", "good-2", "good-3", "good-4");
        assertThat(outcomes.delivered.values()).allSatisfy(requestId -> assertThat(requestId).isNotBlank());
        assertThat(outcomes.failed).containsOnlyKeys("too-early");
        TikTokException refusal = outcomes.failed.get("too-early");
        assertThat(refusal).isInstanceOf(TikTokApiException.class);
        assertThat(refusal.isRetryable()).isFalse();

        ProcessorStats stats = awaitSettled(processor);
        assertThat(stats.enqueued()).isEqualTo(GOOD + 1);
        assertThat(stats.delivered()).isEqualTo(GOOD);
        assertThat(stats.failed()).isEqualTo(1);
        assertThat(stats.rejected()).isZero();
        assertThat(stats.retried()).isPositive();
        assertThat(stats.queueDepth()).isZero();
        assertThat(stats.inFlight()).isZero();
        if (outbox != null) {
            List<RefusedEvent> kept = outbox.refusals(10);
            assertThat(kept).extracting(r -> r.event().eventId()).containsExactly("too-early");
            TikTokApiException api = (TikTokApiException) refusal;
            assertThat(kept.get(0).code()).isEqualTo(api.code());
            assertThat(kept.get(0).requestId()).isEqualTo(api.requestId());
            assertThat(outbox.size()).isZero();
        }
        String code = Long.toString(((TikTokApiException) refusal).code());
        assertThat(metrics.counts).containsEntry("enqueued web", (long) GOOD + 1)
                .containsEntry("delivered web", (long) GOOD)
                .containsEntry("failed web " + code, 1L)
                .containsEntry("retried web 40100", 1L)
                .doesNotContainKey("rejected web");
        assertThat(metrics.counts.get("attempt web /event/track/")).isGreaterThanOrEqualTo(3L); // limited, sent, split
        assertThat(metrics.counts.get("attempt failed web 40100")).isEqualTo(1L);
        assertThat(metrics.queues).containsKey("web");
        assertThat(metrics.queues.get("web").getAsLong()).isZero();
        processor.close();
        assertThat(metrics.queues).doesNotContainKey("web");
    }

    /** Sums every call of the metrics hook by name, source and error type. */
    private static final class RecordingMetrics implements TikTokMetrics {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final Map<String, LongSupplier> queues = new ConcurrentHashMap<>();

        private void add(String key, long n) {
            counts.merge(key, n, Long::sum);
        }

        @Override
        public void eventsEnqueued(EventSource source, int count) {
            add("enqueued " + source.wireValue(), count);
        }

        @Override
        public void eventsRejected(EventSource source, String errorType, int count) {
            add("rejected " + source.wireValue(), count);
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
            String path = endpoint.substring(endpoint.indexOf("/event/"));
            add("attempt " + source.wireValue() + " " + path, 1);
            return (errorType, error) -> {
                if (errorType != null) {
                    add("attempt failed " + source.wireValue() + " " + errorType, 1);
                }
            };
        }

        @Override
        public void queueOpened(String processor, EventSource source, LongSupplier depth) {
            queues.put(source.wireValue(), depth);
        }

        @Override
        public void queueClosed(String processor, EventSource source, LongSupplier depth) {
            queues.remove(source.wireValue());
        }
    }

    /** The counters may trail the listener by the settlement's write; polls (up to 30 s) until nothing is open. */
    private static ProcessorStats awaitSettled(EventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ProcessorStats stats = processor.stats();
        while ((stats.queueDepth() > 0 || stats.inFlight() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stats = processor.stats();
        }
        return stats;
    }

    /** Records every outcome the listener hears. */
    private static final class Outcomes implements DeliveryListener {
        final Map<String, String> delivered = new ConcurrentHashMap<>();
        final Map<String, TikTokException> failed = new ConcurrentHashMap<>();
        final Set<String> heard = ConcurrentHashMap.newKeySet();
        final CountDownLatch all;

        Outcomes(int expected) {
            all = new CountDownLatch(expected);
        }

        @Override
        public void delivered(String eventId, String requestId) {
            delivered.put(eventId, requestId);
            if (heard.add(eventId)) {
                all.countDown();
            }
        }

        @Override
        public void failed(String eventId, TikTokException error) {
            failed.put(eventId, error);
            if (heard.add(eventId)) {
                all.countDown();
            }
        }
    }
}
