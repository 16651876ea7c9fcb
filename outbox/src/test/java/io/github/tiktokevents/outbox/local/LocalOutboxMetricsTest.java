package io.github.tiktokevents.outbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The metrics hook hears a durable processor's events exactly as it hears an in-memory one's (MetricsHookTest). */
@Timeout(60)
class LocalOutboxMetricsTest {
    @TempDir
    Path directory;

    @Test
    void aDurableProcessorsEventsAddUpAndItsQueuesAreAnnouncedAndWithdrawn() {
        Recorder recorder = new Recorder();
        try (TikTokEmulator tiktok = TikTokEmulator.builder().build().start();
             TikTokEvents client = client(tiktok, recorder)) {
            tiktok.faults().next(new Fault.Answer(200, 40002, "Invalid parameter: data[0].event", null));
            EventProcessor processor = client.processor(ProcessorOptions.builder().threadNamePrefix("metered")
                    .maxDelay(Duration.ofHours(1)).listener(new RecordingListener()).drainOnShutdown(false).build(),
                    LocalOutbox.builder(directory).build());
            processor.enqueue(LocalOutboxProcessorTest.event("refused"));
            assertThat(processor.flush()).isFalse();
            for (int i = 0; i < 3; i++) {
                processor.enqueue(LocalOutboxProcessorTest.event("ok-" + i));
            }
            assertThat(processor.flush()).isTrue();
            processor.close();
            processor.enqueue(LocalOutboxProcessorTest.event("late"));

            ProcessorStats stats = processor.stats();
            assertThat(recorder.counts).containsEntry("enqueued web", stats.enqueued()).containsEntry("enqueued web", 4L)
                    .containsEntry("delivered web", 3L).containsEntry("failed web 40002", 1L)
                    .containsEntry("rejected web closed", 1L);
            assertThat(recorder.openedQueues).containsExactly("metered web");
            assertThat(recorder.closedQueues).containsExactly("metered web");
            assertThat(recorder.attempts).containsExactly("web /open_api/v1.3/event/track/ 1 -> 40002",
                    "web /open_api/v1.3/event/track/ 3 -> ok");
        }
    }

    @Test
    void eventsLeftByAnEarlierRunAreDeliveredButNotCountedAsEnqueuedAgain() {
        Recorder recorder = new Recorder();
        try (TikTokEmulator tiktok = TikTokEmulator.builder().build().start();
             TikTokEvents client = client(tiktok, recorder)) {
            ProcessorOptions options = ProcessorOptions.builder().maxDelay(Duration.ofHours(1))
                    .listener(new RecordingListener()).drainOnShutdown(false).build();
            EventProcessor first = client.processor(options, LocalOutbox.builder(directory).build());
            first.enqueue(LocalOutboxProcessorTest.event("left-1"));
            first.enqueue(LocalOutboxProcessorTest.event("left-2"));
            first.close(Duration.ZERO);

            EventProcessor second = client.processor(options, LocalOutbox.builder(directory).build());
            assertThat(second.flush()).isTrue();
            second.close();

            assertThat(recorder.counts).containsEntry("enqueued web", 2L).containsEntry("delivered web", 2L)
                    .doesNotContainKey("failed web closed");
        }
    }

    @Test
    void theBacklogGaugeCountsWhatWaitsInTheOutboxWhileTikTokIsDown() {
        Recorder recorder = new Recorder();
        try (TikTokEmulator tiktok = TikTokEmulator.builder().build().start();
             TikTokEvents client = client(tiktok, recorder)) {
            tiktok.faults().every(1, new Fault.Answer(503, 0, "down", null));
            // claims at most 2 x (1 + 1) = 4 events, which retry; the other 6 stay in the outbox
            EventProcessor processor = client.processor(ProcessorOptions.builder().threadNamePrefix("backlog")
                    .maxBatchSize(2).maxRequestsInFlight(1).maxDelay(Duration.ofMillis(10))
                    .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ofMillis(20))
                            .maxDelay(Duration.ofMillis(50)).maxAttempts(1_000).maxElapsed(Duration.ofMinutes(1))
                            .build())
                    .listener(new RecordingListener()).drainOnShutdown(false).build(),
                    LocalOutbox.builder(directory).build());
            for (int i = 0; i < 10; i++) {
                assertThat(processor.enqueue(LocalOutboxProcessorTest.event("down-" + i))).isTrue();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (processor.stats().inFlight() < 4) {
                assertThat(System.nanoTime()).as("the relay claims the window's 4 events").isLessThan(deadline);
                Thread.onSpinWait();
            }
            LongSupplier pending = recorder.outboxes.get("backlog");
            assertThat(pending.getAsLong()).isEqualTo(6L).isEqualTo(processor.stats().queueDepth());
            // the source's queue gauge sees only what was claimed: during an outage it stays small
            assertThat(recorder.queues.get("backlog web").getAsLong()).isLessThanOrEqualTo(4L);

            tiktok.faults().clear();
            assertThat(processor.flush()).isTrue();
            assertThat(pending.getAsLong()).isZero();
            processor.close();
            assertThat(recorder.closedOutboxes).containsExactly("backlog");
        }
        assertThat(recorder.outboxes).containsOnlyKeys("backlog");
    }

    private static TikTokEvents client(TikTokEmulator tiktok, Recorder recorder) {
        return TikTokEvents.builder().accessToken(tiktok.accessToken()).pixelCode("PIXEL_M").baseUrl(tiktok.baseUrl())
                .metrics(recorder).build();
    }

    private static final class Recorder implements TikTokMetrics {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        final List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        final List<String> openedQueues = Collections.synchronizedList(new ArrayList<>());
        final List<String> closedQueues = Collections.synchronizedList(new ArrayList<>());
        final Map<String, LongSupplier> queues = new ConcurrentHashMap<>();
        final Map<String, LongSupplier> outboxes = new ConcurrentHashMap<>();
        final List<String> closedOutboxes = Collections.synchronizedList(new ArrayList<>());

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
        public RequestObserver requestStarted(EventSource source, String endpoint, int events) {
            return (errorType, error) -> attempts.add(source.wireValue() + " " + endpoint + " " + events + " -> "
                    + (errorType == null ? "ok" : errorType));
        }

        @Override
        public void queueOpened(String processor, EventSource source, LongSupplier depth) {
            openedQueues.add(processor + " " + source.wireValue());
            queues.put(processor + " " + source.wireValue(), depth);
        }

        @Override
        public void queueClosed(String processor, EventSource source, LongSupplier depth) {
            closedQueues.add(processor + " " + source.wireValue());
        }

        @Override
        public void outboxOpened(String processor, LongSupplier pending) {
            outboxes.put(processor, pending);
        }

        @Override
        public void outboxClosed(String processor, LongSupplier pending) {
            closedOutboxes.add(processor);
        }
    }
}
