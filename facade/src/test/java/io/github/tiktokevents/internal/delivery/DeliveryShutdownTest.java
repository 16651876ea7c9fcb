package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the engine on its real daemon thread: closing must deliver or report everything and end that thread. */
class DeliveryShutdownTest {
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private DeliveryEngine<DeliveryTestItem> start(DeliveryFakeSender sender, String threadPrefix, int batch) {
        return DeliveryEngine.start(sender, DeliveryTestItem::id, DeliveryTestItem::bytes, ProcessorOptions.builder()
                .maxBatchSize(batch).maxRequestsInFlight(2).queueCapacity(100_000)
                .threadNamePrefix(threadPrefix).listener(listener).build());
    }

    private static List<Thread> liveThreadsNamed(String prefix) {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix) && thread.isAlive()) {
                found.add(thread);
            }
        }
        return found;
    }

    /** Answers every chunk a little later, from another thread, as an HTTP client would. */
    private static DeliveryFakeSender answeringAsynchronously() {
        Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
        return new DeliveryFakeSender(chunk -> CompletableFuture.supplyAsync(() -> DeliveryReply.accepted("r"), later));
    }

    @Test
    void closeDeliversWhatIsQueuedAndInFlightThenEndsItsThread() {
        DeliveryFakeSender sender = answeringAsynchronously();
        DeliveryEngine<DeliveryTestItem> engine = start(sender, "shutdown-drain", 100);
        for (int i = 0; i < 3000; i++) {
            assertThat(engine.enqueue(DeliveryTestItem.good("e" + i))).isTrue();
        }
        assertThat(liveThreadsNamed("shutdown-drain")).isNotEmpty();

        engine.close(Duration.ofSeconds(30));

        assertThat(listener.byId()).hasSize(3000).allSatisfy((id, outcomes) -> {
            assertThat(outcomes).singleElement().matches(DeliveryRecordingListener.Outcome::delivered);
        });
        assertThat(liveThreadsNamed("shutdown-drain")).isEmpty();
        assertThat(sender.calls()).as("sent from the delivery thread or a thread that brought an answer, never the caller")
                .allSatisfy(call -> assertThat(call.thread).isNotSameAs(Thread.currentThread()));
        assertThat(engine.stats().delivered()).isEqualTo(3000);
    }

    @Test
    void closeTimeoutReportsEverythingUnsettledAsFailedAndCancelsRequests() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = start(sender, "shutdown-timeout", 100);
        for (int i = 0; i < 250; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }

        engine.close(Duration.ofMillis(200));

        Map<String, List<DeliveryRecordingListener.Outcome>> byId = listener.byId();
        assertThat(byId).hasSize(250);
        assertThat(listener.all()).allSatisfy(outcome -> assertThat(outcome.error).isInstanceOf(ProcessorClosedException.class));
        assertThat(listener.only("e0").error).hasMessageContaining("waiting for TikTok's answer");
        assertThat(listener.only("e249").error).hasMessageContaining("before the event could be");
        assertThat(sender.calls()).hasSize(2).allSatisfy(call -> assertThat(call.answer).isCancelled());
        assertThat(liveThreadsNamed("shutdown-timeout")).isEmpty();
        ProcessorStats stats = engine.stats();
        assertThat(stats.failed()).isEqualTo(250);
        assertThat(stats.inFlight()).isZero();
        assertThat(stats.queueDepth()).isZero();
    }

    @Test
    void eventsAfterCloseAreRefusedAndReported() {
        DeliveryEngine<DeliveryTestItem> engine = start(DeliveryFakeSender.acceptingAll(), "shutdown-after", 100);
        engine.close(Duration.ofSeconds(5));

        assertThat(engine.enqueue(DeliveryTestItem.good("late"))).isFalse();
        assertThat(listener.only("late").error).isInstanceOf(ProcessorClosedException.class);
        assertThat(engine.stats().rejected()).isEqualTo(1);
        assertThat(engine.flush(Duration.ofSeconds(1))).isTrue();
        engine.close(Duration.ofSeconds(1)); // idempotent
    }

    @Test
    void anInterruptedCloseGivesUpAtOnceAndKeepsTheInterruptFlag() {
        DeliveryEngine<DeliveryTestItem> engine = start(DeliveryFakeSender.answeringLater(), "shutdown-interrupt", 10);
        for (int i = 0; i < 30; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }

        Thread.currentThread().interrupt();
        engine.close(Duration.ofDays(1));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(listener.byId()).hasSize(30);
        assertThat(engine.terminated()).isDone();
        Thread.interrupted();
        assertThat(liveThreadsNamed("shutdown-interrupt")).isEmpty();
    }

    @Test
    void producersRacingCloseLoseNothing() throws Exception {
        DeliveryFakeSender sender = answeringAsynchronously();
        DeliveryEngine<DeliveryTestItem> engine = start(sender, "shutdown-race", 50);
        Map<String, Boolean> returned = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                started.countDown();
                // Keep producing until close has returned, to hit the race from both sides.
                for (int i = 0; i < 50_000 && !stop.get(); i++) {
                    String id = "p" + producer + "-" + i;
                    returned.put(id, engine.enqueue(DeliveryTestItem.good(id)));
                }
            });
            producers.add(thread);
            thread.start();
        }
        started.await();
        Thread.sleep(5);
        engine.close(Duration.ofSeconds(30));
        stop.set(true);
        for (Thread producer : producers) {
            producer.join();
        }

        Map<String, List<DeliveryRecordingListener.Outcome>> byId = listener.byId();
        assertThat(byId.keySet()).isEqualTo(returned.keySet());
        assertThat(byId).allSatisfy((id, outcomes) -> assertThat(outcomes).as(id).hasSize(1));
        returned.forEach((id, accepted) -> {
            if (!accepted) {
                assertThat(byId.get(id).get(0).error).as(id).isInstanceOf(ProcessorClosedException.class);
            }
        });
        assertThat(returned).containsValue(false);
        assertThat(liveThreadsNamed("shutdown-race")).isEmpty();
    }
}
