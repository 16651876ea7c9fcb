package io.github.tiktokevents.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokCodes;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A processor's run against the emulator with injected faults, recorded in a real Micrometer registry and a real
 * observation registry: the counters add up (delivered + failed = enqueued), TikTok's code on an HTTP 200 error is
 * the error type, every HTTP attempt is timed and observed, and the queue gauge lives as long as the processor.
 */
class MicrometerTikTokMetricsTest {
    private static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    private static final RetryPolicy QUICK = RetryPolicy.builder().initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(2)).build();

    private TikTokEmulator emulator;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = TikTokEmulator.builder().allowedEventSourceIds(PIXEL).build().start();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TikTokEvents client() {
        return TikTokEvents.builder().accessToken(emulator.accessToken()).pixelCode(PIXEL).baseUrl(emulator.baseUrl())
                .metrics(new MicrometerTikTokMetrics(meters, observations)).build();
    }

    private static Event web(String id) {
        return Event.builder(EventNames.COMPLETE_PAYMENT).eventId(id).page(Page.of("https://shop.example/checkout")).build();
    }

    @Test
    void aRunWithFaultsAddsUpAndTikToksCodeIsTheErrorType() {
        // one event at a time, one request in flight: the faults hit a known event. e0: rate limited, then
        // unavailable, then refused for good; e1..e9 accepted.
        emulator.faults().next(Fault.rateLimited(),
                new Fault.Answer(200, TikTokCodes.SERVICE_UNAVAILABLE, "service unavailable", null),
                new Fault.Answer(200, TikTokCodes.INVALID_PARAMETER, "Invalid parameter", null));
        try (TikTokEvents tiktok = client()) {
            EventProcessor processor = tiktok.processor(ProcessorOptions.builder().threadNamePrefix("checkout")
                    .maxBatchSize(1).maxRequestsInFlight(1).retryPolicy(QUICK).drainOnShutdown(false)
                    .listener((eventId, error) -> { }).build());
            for (int i = 0; i < 10; i++) {
                processor.enqueue(web("e" + i));
            }
            assertThat(processor.flush()).isFalse();
            assertThat(gauge("checkout")).isNotNull();
            processor.close();
            assertThat(gauge("checkout")).as("the gauge leaves with its processor").isNull();
        }

        double enqueued = count("tiktok.events.enqueued");
        double delivered = count("tiktok.events.delivered");
        double failed = count("tiktok.events.failed");
        assertThat(enqueued).isEqualTo(10);
        assertThat(delivered + failed).isEqualTo(enqueued);
        assertThat(failed).isEqualTo(1);
        assertThat(meters.get("tiktok.events.failed").tags("source", "web", "error.type", "40002").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("tiktok.events.requests.retried").tags("error.type", "40100").counter().count()).isEqualTo(1);
        assertThat(meters.get("tiktok.events.requests.retried").tags("error.type", "50002").counter().count()).isEqualTo(1);
        assertThat(meters.get("tiktok.events.requests").tags("outcome", "success", "error.type", "none").timer().count())
                .isEqualTo(9);
        assertThat(meters.get("tiktok.events.requests").tags("outcome", "failure").timers())
                .extracting(t -> t.getId().getTag("error.type")).containsExactlyInAnyOrder("40100", "50002", "40002");

        assertThat(stopped).hasSize(12).allSatisfy(context -> {
            assertThat(context.getName()).isEqualTo(MicrometerTikTokMetrics.OBSERVATION);
            assertThat(context.getLowCardinalityKeyValue("endpoint").getValue()).isEqualTo("/open_api/v1.3/event/track/");
        });
        Observation.Context refused = stopped.stream()
                .filter(c -> c.getLowCardinalityKeyValue("error.type").getValue().equals("40002")).findFirst().orElseThrow();
        assertThat(refused.getError()).isInstanceOf(TikTokApiException.class);
        assertThat(refused.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("failure");
        assertThat(observations).doesNotHaveAnyRemainingCurrentObservation();
    }

    @Test
    void theQueueGaugeReadsTheDepthOfEachSource() {
        try (TikTokEvents tiktok = client()) {
            EventProcessor processor = tiktok.processor(ProcessorOptions.builder().threadNamePrefix("orders")
                    .maxDelay(Duration.ofHours(1)).drainOnShutdown(false).build());
            for (int i = 0; i < 7; i++) {
                processor.enqueue(web("q" + i));
            }
            assertThat(gauge("orders").gauge().value()).isEqualTo(7);
            assertThat(processor.flush()).isTrue();
            assertThat(gauge("orders").gauge().value()).isZero();
        }
        assertThat(emulator.events()).hasSize(7);
    }

    @Test
    void theOutboxGaugeReadsTheBacklogUntilItsProcessorCloses() {
        MicrometerTikTokMetrics metrics = new MicrometerTikTokMetrics(meters);
        AtomicLong backlog = new AtomicLong(12);
        LongSupplier pending = backlog::get;
        metrics.outboxOpened("orders", pending);
        // a source named like the outbox must not replace or remove it
        LongSupplier depth = () -> 3;
        metrics.queueOpened("orders", EventSource.of("outbox"), depth);
        Search outbox = meters.find("tiktok.events.outbox.pending").tags("processor", "orders");
        assertThat(outbox.gauge().value()).isEqualTo(12);
        backlog.set(5);
        assertThat(outbox.gauge().value()).isEqualTo(5);

        metrics.queueClosed("orders", EventSource.of("outbox"), depth);
        assertThat(meters.find("tiktok.events.outbox.pending").gauge()).isNotNull();
        metrics.outboxClosed("orders", pending);
        assertThat(meters.find("tiktok.events.outbox.pending").gauge()).isNull();
    }

    @Test
    void processorsOfOneNameAreOneSeriesUntilTheLastCloses() {
        MicrometerTikTokMetrics metrics = new MicrometerTikTokMetrics(meters);
        LongSupplier first = () -> 100;
        LongSupplier second = () -> 7;
        metrics.queueOpened("tiktok-events-processor", EventSource.WEB, first);
        metrics.queueOpened("tiktok-events-processor", EventSource.WEB, second);
        metrics.outboxOpened("tiktok-events-processor", first);
        metrics.outboxOpened("tiktok-events-processor", second);
        Search queue = meters.find("tiktok.events.queue.depth").tags("processor", "tiktok-events-processor");
        Search outbox = meters.find("tiktok.events.outbox.pending").tags("processor", "tiktok-events-processor");
        assertThat(queue.gauge().value()).isEqualTo(107);
        assertThat(outbox.gauge().value()).isEqualTo(107);

        // the first to open closes first: the other's figure stays
        metrics.queueClosed("tiktok-events-processor", EventSource.WEB, first);
        metrics.outboxClosed("tiktok-events-processor", first);
        assertThat(queue.gauge().value()).isEqualTo(7);
        assertThat(outbox.gauge().value()).isEqualTo(7);
        metrics.queueClosed("tiktok-events-processor", EventSource.WEB, second);
        metrics.outboxClosed("tiktok-events-processor", second);
        assertThat(meters.find("tiktok.events.queue.depth").gauge()).isNull();
        assertThat(meters.find("tiktok.events.outbox.pending").gauge()).isNull();
    }

    @Test
    void twoProcessorsOnTheDefaultNameAreCountedTogetherAndTheGaugeOutlivesTheFirst() {
        try (TikTokEvents tiktok = client()) {
            ProcessorOptions options = ProcessorOptions.builder().maxDelay(Duration.ofHours(1))
                    .drainOnShutdown(false).build();
            EventProcessor first = tiktok.processor(options);
            EventProcessor second = tiktok.processor(options);
            for (int i = 0; i < 3; i++) {
                first.enqueue(web("first-" + i));
            }
            for (int i = 0; i < 4; i++) {
                second.enqueue(web("second-" + i));
            }
            Search queue = meters.find("tiktok.events.queue.depth")
                    .tags("processor", ProcessorOptions.defaults().threadNamePrefix(), "source", "web");
            assertThat(queue.gauge().value()).isEqualTo(7);
            first.close();
            assertThat(queue.gauge().value()).isEqualTo(4);
            second.close();
            assertThat(meters.find("tiktok.events.queue.depth").gauge()).isNull();
        }
        assertThat(emulator.events()).hasSize(7);
    }

    private Search gauge(String processor) {
        Search search = meters.find("tiktok.events.queue.depth").tags("processor", processor, "source", "web");
        return search.gauge() == null ? null : search;
    }

    private double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
