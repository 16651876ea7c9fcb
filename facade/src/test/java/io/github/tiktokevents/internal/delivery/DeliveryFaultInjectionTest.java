package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of events through a transport that fails in every way it can (seeded, so each run is the same):
 * every event must end in exactly one outcome, deliveries must really have been accepted by the transport, and
 * failures must carry a typed error.
 */
class DeliveryFaultInjectionTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyEventEndsInExactlyOneTruthfulOutcome(long seed) {
        Random random = new Random(seed);
        DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
        DeliveryRecordingListener listener = new DeliveryRecordingListener();
        Set<String> acceptedBySender = new HashSet<>();
        FaultyTransport transport = new FaultyTransport(random, scheduler, acceptedBySender);
        ProcessorOptions options = ProcessorOptions.builder()
                .maxBatchSize(new int[] {1, 7, 100, 1000}[random.nextInt(4)])
                .maxRequestsInFlight(1 + random.nextInt(4))
                .queueCapacity(300 + random.nextInt(5000))
                .queueCapacityBytes(30_000 + random.nextInt(500_000))
                .queueFullPolicy(QueueFullPolicy.REJECT)
                .maxDelay(Duration.ofMillis(1 + random.nextInt(500)))
                .requestTimeout(Duration.ofSeconds(3))
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(1 + random.nextInt(5))
                        .initialDelay(Duration.ofMillis(50))
                        .maxElapsed(Duration.ofSeconds(30))
                        .build())
                .listener(listener)
                .build();
        DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(new DeliveryFakeSender(transport::answer),
                DeliveryTestItem::id, DeliveryTestItem::bytes, options, scheduler, random::nextDouble);

        int total = 2000 + random.nextInt(2000);
        Map<String, DeliveryTestItem> items = new HashMap<>();
        Map<String, Boolean> accepted = new HashMap<>();
        List<CompletableFuture<Boolean>> flushes = new ArrayList<>();
        int next = 0;
        while (next < total) {
            int burst = Math.min(total - next, 1 + random.nextInt(300));
            for (int i = 0; i < burst; i++, next++) {
                String id = "s" + seed + "-e" + next;
                DeliveryTestItem item = new DeliveryTestItem(id, 10 + random.nextInt(200), random.nextDouble() < 0.005);
                items.put(id, item);
                accepted.put(id, engine.enqueue(item));
            }
            if (random.nextInt(5) == 0) {
                flushes.add(engine.flushAsync());
            }
            scheduler.advance(Duration.ofMillis(random.nextInt(300)));
        }
        engine.close(Duration.ofSeconds(random.nextInt(60)));
        scheduler.runAll();

        Map<String, List<DeliveryRecordingListener.Outcome>> byId = listener.byId();
        assertThat(byId.keySet()).as("an outcome for every event and no other").isEqualTo(items.keySet());
        byId.forEach((id, outcomes) -> {
            assertThat(outcomes).as("outcomes of %s", id).hasSize(1);
            DeliveryRecordingListener.Outcome outcome = outcomes.get(0);
            if (!accepted.get(id)) {
                assertThat(outcome.error).as(id).isInstanceOf(QueueFullException.class);
            } else if (outcome.delivered()) {
                assertThat(acceptedBySender).as("TikTok accepted %s", id).contains(id);
                assertThat(items.get(id).bad).as("%s is bad", id).isFalse();
            } else {
                assertThat(outcome.error).as(id).isNotNull().isNotInstanceOf(QueueFullException.class);
                if (items.get(id).bad) {
                    assertThat(outcome.error).as(id).isInstanceOfAny(InvalidRequestException.class,
                            TikTokTransportException.class, ServerException.class, RateLimitException.class,
                            AuthenticationException.class, ProcessorClosedException.class, TikTokException.class);
                }
            }
        });
        assertThat(flushes).allMatch(CompletableFuture::isDone);
        assertThat(engine.terminated()).isDone();
        assertThat(scheduler.pendingTasks()).isZero();
        assertThat(scheduler.isShutdown()).isTrue();

        ProcessorStats stats = engine.stats();
        long refused = accepted.values().stream().filter(ok -> !ok).count();
        assertThat(stats.rejected()).isEqualTo(refused);
        assertThat(stats.enqueued()).isEqualTo(total - refused);
        assertThat(stats.delivered() + stats.failed()).isEqualTo(stats.enqueued());
        assertThat(stats.queueDepth()).isZero();
        assertThat(stats.inFlight()).isZero();
        assertThat(transport.calls).as("the transport was exercised").isGreaterThan(0);
    }

    /** Answers like TikTok on a bad day: refuses batches with bad events, fails, hangs, throws, answers late. */
    private static final class FaultyTransport {
        private final Random random;
        private final DeliveryTestScheduler scheduler;
        private final Set<String> acceptedBySender;
        int calls;

        FaultyTransport(Random random, DeliveryTestScheduler scheduler, Set<String> acceptedBySender) {
            this.random = random;
            this.scheduler = scheduler;
            this.acceptedBySender = acceptedBySender;
        }

        CompletableFuture<DeliveryReply> answer(List<DeliveryTestItem> chunk) {
            calls++;
            if (chunk.stream().anyMatch(item -> item.bad)) {
                return later(CompletableFuture.failedFuture(new InvalidRequestException(40002, "Invalid parameter", "r", 200, null)));
            }
            double roll = random.nextDouble();
            if (roll < 0.45) {
                return later(CompletableFuture.completedFuture(accept(chunk, Map.of())));
            }
            if (roll < 0.55) {
                Map<Integer, TikTokException> refused = new HashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    if (random.nextInt(10) == 0) {
                        refused.put(i, random.nextBoolean()
                                ? new InvalidRequestException(40002, "event_time", "r", 200, null)
                                : new ServerException(50002, "later", "r", 200, null));
                    }
                }
                return later(CompletableFuture.completedFuture(accept(chunk, refused)));
            }
            if (roll < 0.62) {
                return later(CompletableFuture.failedFuture(new ServerException(50000, "busy", "r", 503, null)));
            }
            if (roll < 0.66) {
                Duration retryAfter = Duration.ofMillis(random.nextInt(2000));
                return later(CompletableFuture.failedFuture(new RateLimitException(40100, "slow", "r", 429, retryAfter)));
            }
            if (roll < 0.70) {
                throw new TikTokTransportException("connection reset", null);
            }
            if (roll < 0.72) {
                throw new IllegalStateException("transport bug");
            }
            if (roll < 0.75) {
                return new CompletableFuture<>(); // never answers: the engine's requestTimeout must step in
            }
            if (roll < 0.77) {
                return later(CompletableFuture.failedFuture(new AuthenticationException(40105, "token", "r", 200, null)));
            }
            if (roll < 0.80) {
                return later(CompletableFuture.failedFuture(new IOException("socket closed")));
            }
            return later(CompletableFuture.completedFuture(accept(chunk, Map.of())));
        }

        private DeliveryReply accept(List<DeliveryTestItem> chunk, Map<Integer, TikTokException> refused) {
            for (int i = 0; i < chunk.size(); i++) {
                if (!refused.containsKey(i)) {
                    acceptedBySender.add(chunk.get(i).id);
                }
            }
            return refused.isEmpty() ? DeliveryReply.accepted("r") : DeliveryReply.partiallyAccepted("r", refused);
        }

        /** Hands the answer over now or after a random delay, as a network would. */
        private CompletableFuture<DeliveryReply> later(CompletableFuture<DeliveryReply> answer) {
            if (random.nextBoolean()) {
                return answer;
            }
            CompletableFuture<DeliveryReply> delayed = new CompletableFuture<>();
            scheduler.schedule(() -> answer.whenComplete((reply, failure) -> {
                if (failure != null) {
                    delayed.completeExceptionally(failure);
                } else {
                    delayed.complete(reply);
                }
            }), Duration.ofMillis(random.nextInt(500)));
            return delayed;
        }
    }
}
