package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.internal.delivery.DeliveryRecordingListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of events per seed through the real client and a {@link FaultyTikTok}, both through the processor and
 * through send/sendAsync/sendBatch/sendBatchAsync: every event_id gets exactly one outcome, a delivered event
 * really was accepted by the server (every copy that arrived is the same event), a failed one carries a typed
 * error, a poison event is isolated and fails alone with 40002, and nothing is missing. Retry waits are a few
 * milliseconds by policy, so the file runs in seconds.
 */
class ClientFaultInjectionTest {
    private static final Duration READ_TIMEOUT = Duration.ofMillis(150);
    private static final long SLOW_MILLIS = 400;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TikTokEvents client(FaultyTikTok tiktok, RetryPolicy retries) {
        server.setDispatcher(tiktok);
        String url = server.url("/").toString();
        return TikTokEvents.builder().accessToken(MockTikTok.TOKEN).pixelCode(MockTikTok.PIXEL).appId("app-1")
                .baseUrl(url).readTimeout(READ_TIMEOUT).callTimeout(Duration.ofSeconds(3)).retryPolicy(retries)
                .build();
    }

    private static RetryPolicy tinyRetries(Random random) {
        return RetryPolicy.builder().maxAttempts(2 + random.nextInt(5)).initialDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5)).maxRetryAfter(Duration.ofMillis(5)).maxElapsed(Duration.ofSeconds(20))
                .build();
    }

    /** Web and app events; about one in 300 is a poison event that TikTok refuses with 40002. */
    private static List<Event> events(long seed, Random random, int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = random.nextInt(300) == 0 ? FaultyTikTok.POISON : EventNames.VIEW_CONTENT;
            Event.Builder builder = Event.builder(name).eventId("s" + seed + "-" + i);
            if (random.nextInt(5) == 0) {
                builder.source(EventSource.APP).app(App.of("app-1"));
            } else {
                builder.page(Page.of("https://shop.example/p/" + i));
            }
            events.add(builder.build());
        }
        return events;
    }

    private static boolean allDelivered(DeliveryRecordingListener listener, List<String> ids) {
        Map<String, List<DeliveryRecordingListener.Outcome>> byId = listener.byId();
        return ids.stream().allMatch(id -> byId.get(id).size() == 1 && byId.get(id).get(0).delivered());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void processorGivesEveryEventExactlyOneTruthfulOutcome(long seed) {
        Random random = new Random(seed);
        FaultyTikTok tiktok = new FaultyTikTok(seed, 60, SLOW_MILLIS);
        DeliveryRecordingListener listener = new DeliveryRecordingListener();
        boolean reject = random.nextBoolean();
        ProcessorOptions options = ProcessorOptions.builder()
                .maxBatchSize(new int[] {25, 100, 250}[random.nextInt(3)])
                .maxDelay(Duration.ofMillis(5))
                .maxRequestsInFlight(1 + random.nextInt(4))
                .queueCapacity(reject ? 400 + random.nextInt(600) : 10_000)
                .queueFullPolicy(reject ? QueueFullPolicy.REJECT : QueueFullPolicy.BLOCK_WITH_TIMEOUT)
                .enqueueTimeout(Duration.ofSeconds(10))
                .retryPolicy(tinyRetries(random))
                .listener(listener)
                .build();
        List<Event> events = events(seed, random, 3000 + random.nextInt(2000));
        Map<String, Boolean> accepted = new HashMap<>();
        try (TikTokEvents client = client(tiktok, RetryPolicy.none())) {
            EventProcessor processor = client.processor(options);
            List<String> sinceFlush = new ArrayList<>();
            for (Event event : events) {
                boolean taken = processor.enqueue(event);
                accepted.put(event.eventId(), taken);
                if (taken) {
                    sinceFlush.add(event.eventId());
                }
                if (random.nextInt(1000) == 0) {
                    assertThat(processor.flush()).as("flush says whether all since the last were delivered")
                            .isEqualTo(allDelivered(listener, sinceFlush));
                    sinceFlush.clear();
                }
            }
            assertThat(processor.flush()).as("flush waits for every outcome and tells the truth")
                    .isEqualTo(allDelivered(listener, sinceFlush));
            ProcessorStats stats = processor.stats();
            assertThat(stats.enqueued() + stats.rejected()).isEqualTo(events.size());
            assertThat(stats.delivered() + stats.failed()).isEqualTo(stats.enqueued());
            assertThat(stats.queueDepth() + stats.inFlight()).isZero();
            assertThat(stats.retried()).isPositive();
        }

        Map<String, List<DeliveryRecordingListener.Outcome>> byId = listener.byId();
        assertThat(byId.keySet()).as("an outcome for every event, and for no other").isEqualTo(accepted.keySet());
        int delivered = 0;
        int isolatedPoison = 0;
        for (Event event : events) {
            String id = event.eventId();
            List<DeliveryRecordingListener.Outcome> outcomes = byId.get(id);
            assertThat(outcomes).as("outcomes of %s", id).hasSize(1);
            DeliveryRecordingListener.Outcome outcome = outcomes.get(0);
            boolean poison = event.name().equals(FaultyTikTok.POISON);
            if (!accepted.get(id)) {
                assertThat(outcome.error).as(id).isInstanceOf(QueueFullException.class);
                assertThat(tiktok.arrivals).as("a refused event is never sent").doesNotContainKey(id);
            } else if (outcome.delivered()) {
                delivered++;
                assertThat(poison).as("%s is poison and cannot be delivered", id).isFalse();
                assertThat(tiktok.accepted).as("TikTok accepted %s", id).contains(id);
                assertThat(tiktok.arrivals.get(id)).as("every copy of %s is the same event", id).hasSize(1);
                assertThat(tiktok.sources.get(id)).containsExactly(event.source().wireValue());
            } else {
                assertTyped(id, outcome.error);
                if (outcome.error instanceof InvalidRequestException) {
                    assertThat(poison).as("only a poison event is refused as invalid: %s", id).isTrue();
                    isolatedPoison++;
                }
            }
            if (poison && accepted.get(id)) {
                assertThat(outcome.delivered()).isFalse();
            }
        }
        assertThat(delivered).isPositive();
        assertThat(isolatedPoison).as("bisecting isolated poison events").isPositive();
        assertThat(tiktok.maxEventsInOneRequest).isLessThanOrEqualTo(options.maxBatchSize());
        assertThat(tiktok.injected()).as("every kind of fault was injected").containsOnlyKeys(FaultyTikTok.Fault.values());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void directSendsReportEveryEventExactlyOnce(long seed) {
        Random random = new Random(seed);
        FaultyTikTok tiktok = new FaultyTikTok(seed, 60, SLOW_MILLIS);
        List<Event> events = events(seed, random, 3000 + random.nextInt(1000));
        Map<String, List<TikTokException>> outcomes = new HashMap<>();
        Set<String> deliveredIds = new HashSet<>();
        try (TikTokEvents client = client(tiktok, tinyRetries(random))) {
            List<CompletableFuture<BatchResult>> asyncBatches = new ArrayList<>();
            List<BatchResult> batches = new ArrayList<>();
            int next = 0;
            while (next < events.size()) {
                int mode = random.nextInt(10);
                if (mode < 2) {
                    Event single = events.get(next++);
                    TikTokException error = null;
                    try {
                        client.send(single);
                    } catch (TikTokException e) {
                        error = e;
                    }
                    record(outcomes, deliveredIds, single, error);
                    continue;
                }
                if (mode < 4) {
                    Event single = events.get(next++);
                    TikTokException error = null;
                    try {
                        client.sendAsync(single).join();
                    } catch (CompletionException e) {
                        error = (TikTokException) e.getCause();
                    }
                    record(outcomes, deliveredIds, single, error);
                    continue;
                }
                List<Event> slice = events.subList(next, Math.min(events.size(), next + 1 + random.nextInt(random.nextInt(10) == 0 ? 2500 : 200)));
                next += slice.size();
                if (mode < 7) {
                    batches.add(client.sendBatch(slice));
                } else {
                    asyncBatches.add(client.sendBatchAsync(slice));
                }
            }
            asyncBatches.forEach(future -> batches.add(future.join()));
            for (BatchResult batch : batches) {
                for (BatchResult.ChunkResult chunk : batch.chunks()) {
                    assertThat(chunk.events().size()).isBetween(1, TikTokEvents.MAX_EVENTS_PER_REQUEST);
                    assertThat(chunk.events()).allSatisfy(event -> assertThat(event.source()).isEqualTo(chunk.source()));
                    for (Event event : chunk.events()) {
                        record(outcomes, deliveredIds, event, chunk.failure().orElse(null));
                    }
                }
            }
        }

        assertThat(outcomes.keySet()).as("an outcome for every event").hasSize(events.size());
        for (Event event : events) {
            String id = event.eventId();
            assertThat(outcomes.get(id)).as("outcomes of %s", id).hasSize(1);
            TikTokException error = outcomes.get(id).get(0);
            if (error == null) {
                assertThat(event.name()).isNotEqualTo(FaultyTikTok.POISON);
                assertThat(tiktok.accepted).as("TikTok accepted %s", id).contains(id);
                assertThat(tiktok.arrivals.get(id)).as("every copy of %s is the same event", id).hasSize(1);
                assertThat(tiktok.sources.get(id)).containsExactly(event.source().wireValue());
            } else {
                assertTyped(id, error);
            }
        }
        assertThat(deliveredIds).isNotEmpty();
        assertThat(tiktok.injected()).as("every kind of fault was injected").containsOnlyKeys(FaultyTikTok.Fault.values());
    }

    private static void record(Map<String, List<TikTokException>> outcomes, Set<String> delivered, Event event,
                               TikTokException error) {
        outcomes.computeIfAbsent(event.eventId(), id -> new ArrayList<>()).add(error);
        if (error == null) {
            delivered.add(event.eventId());
        }
    }

    /** A failure the user can act on: TikTok's refusal, a transport failure, or the processor's own refusal. */
    private static void assertTyped(String id, TikTokException error) {
        assertThat(error).as("error of %s", id).isNotNull();
        assertThat(error.getClass()).as("typed error of %s: %s", id, error)
                .isIn(InvalidRequestException.class, RateLimitException.class, ServerException.class,
                        TikTokApiException.class, TikTokTransportException.class, QueueFullException.class,
                        ProcessorClosedException.class);
        if (error.getClass() == TikTokApiException.class) {
            assertThat(error.isRetryable()).as("a generic API error here is a malformed answer: %s", error).isFalse();
        }
    }
}
