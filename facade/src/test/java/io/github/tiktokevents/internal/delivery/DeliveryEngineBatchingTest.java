package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeliveryEngineBatchingTest {
    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    private DeliveryEngine<DeliveryTestItem> engine(DeliverySender<DeliveryTestItem> sender, ProcessorOptions.Builder options) {
        return new DeliveryEngine<>(sender, DeliveryTestItem::id, DeliveryTestItem::bytes,
                options.listener(listener).build(), scheduler, () -> 0.0);
    }

    private static void enqueueAll(DeliveryEngine<DeliveryTestItem> engine, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(engine.enqueue(DeliveryTestItem.good(prefix + i))).isTrue();
        }
    }

    @Test
    void enqueueNeverCallsTheSenderItself() {
        DeliveryFakeSender sender = DeliveryFakeSender.acceptingAll();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, ProcessorOptions.builder());

        enqueueAll(engine, "e", 2500);

        // Nothing ran on the delivery "thread" yet, so nothing may have been sent from enqueue.
        assertThat(sender.callCount()).isZero();
        assertThat(listener.size()).isZero();
        assertThat(engine.stats().queueDepth()).isEqualTo(2500);
    }

    @Test
    void fullBatchesGoAtOnceAndTheRestWhenTheOldestHasWaitedMaxDelay() {
        DeliveryFakeSender sender = DeliveryFakeSender.acceptingAll();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, ProcessorOptions.builder().maxDelay(Duration.ofMillis(200)));

        enqueueAll(engine, "e", 2500);
        scheduler.runDue();
        assertThat(sender.chunkSizes()).containsExactly(1000, 1000);

        scheduler.advance(Duration.ofMillis(199));
        assertThat(sender.callCount()).isEqualTo(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.chunkSizes()).containsExactly(1000, 1000, 500);
        assertThat(listener.size()).isEqualTo(2500);
        assertThat(listener.all()).allMatch(DeliveryRecordingListener.Outcome::delivered);
        assertThat(listener.only("e2499").requestId).isEqualTo("req");
    }

    @Test
    void maxDelayCountsFromTheFirstEventQueuedAfterTheLastTimedFlush() {
        DeliveryFakeSender sender = DeliveryFakeSender.acceptingAll();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, ProcessorOptions.builder().maxDelay(Duration.ofMillis(200)));

        engine.enqueue(DeliveryTestItem.good("a"));
        scheduler.advance(Duration.ofMillis(150));
        engine.enqueue(DeliveryTestItem.good("b"));
        scheduler.advance(Duration.ofMillis(50));
        assertThat(sender.calls()).singleElement().satisfies(call -> assertThat(call.ids).containsExactly("a", "b"));

        engine.enqueue(DeliveryTestItem.good("c"));
        scheduler.advance(Duration.ofMillis(199));
        assertThat(sender.callCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.call(1).ids).containsExactly("c");
    }

    @Test
    void requestsInFlightAreBounded() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender,
                ProcessorOptions.builder().maxBatchSize(10).maxRequestsInFlight(2));

        enqueueAll(engine, "e", 50);
        scheduler.runDue();
        assertThat(sender.callCount()).isEqualTo(2);
        assertThat(engine.stats().queueDepth()).isEqualTo(30);
        assertThat(engine.stats().inFlight()).isEqualTo(20);

        sender.call(0).answer.complete(DeliveryReply.accepted("r0"));
        scheduler.runDue();
        assertThat(sender.callCount()).isEqualTo(3);
        assertThat(sender.call(2).ids).startsWith("e20");

        for (int i = 1; i < 5; i++) {
            sender.call(i).answer.complete(DeliveryReply.accepted("r" + i));
            scheduler.runDue();
        }
        assertThat(sender.callCount()).isEqualTo(5);
        assertThat(listener.size()).isEqualTo(50);
        ProcessorStats stats = engine.stats();
        assertThat(stats.enqueued()).isEqualTo(50);
        assertThat(stats.delivered()).isEqualTo(50);
        assertThat(stats.queueDepth()).isZero();
        assertThat(stats.inFlight()).isZero();
        assertThat(stats.requests()).isEqualTo(5);
    }

    @Test
    void flushCompletesOnlyOnceEverythingBeforeItIsSettled() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, ProcessorOptions.builder());

        enqueueAll(engine, "a", 5);
        CompletableFuture<Boolean> first = engine.flushAsync();
        scheduler.runDue();
        enqueueAll(engine, "b", 5);
        CompletableFuture<Boolean> second = engine.flushAsync();
        scheduler.runDue();
        assertThat(sender.chunkSizes()).containsExactly(5, 5);
        assertThat(first).isNotDone();

        sender.call(1).answer.complete(DeliveryReply.accepted("r1"));
        scheduler.runDue();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();

        sender.call(0).answer.complete(DeliveryReply.accepted("r0"));
        scheduler.runDue();
        assertThat(first).isDone();
        assertThat(second).isDone();
        assertThat(listener.size()).isEqualTo(10);
    }

    @Test
    void flushDoesNotWaitForEventsEnqueuedAfterIt() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender,
                ProcessorOptions.builder().maxBatchSize(3).maxRequestsInFlight(1));

        enqueueAll(engine, "a", 3);
        CompletableFuture<Boolean> flushed = engine.flushAsync();
        enqueueAll(engine, "b", 3);
        scheduler.runDue();
        assertThat(sender.calls()).singleElement().satisfies(call -> assertThat(call.ids).containsExactly("a0", "a1", "a2"));

        sender.call(0).answer.complete(DeliveryReply.accepted("r0"));
        scheduler.runDue();
        assertThat(flushed).isDone();
        assertThat(sender.call(1).ids).containsExactly("b0", "b1", "b2");
        assertThat(sender.call(1).answer).isNotDone();
    }

    @Test
    void flushOfAnEmptyProcessorCompletesAtOnce() {
        DeliveryEngine<DeliveryTestItem> engine = engine(DeliveryFakeSender.acceptingAll(), ProcessorOptions.builder());
        CompletableFuture<Boolean> flushed = engine.flushAsync();
        scheduler.runDue();
        assertThat(flushed).isDone();
    }

    @Test
    void aListenerThatThrowsChangesNoOutcome() {
        DeliveryFakeSender sender = DeliveryFakeSender.acceptingAll();
        int[] calls = new int[1];
        DeliveryListener throwing = new DeliveryListener() {
            @Override
            public void delivered(String eventId, String requestId) {
                calls[0]++;
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void failed(String eventId, TikTokException error) {
                calls[0]++;
            }
        };
        DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(sender, DeliveryTestItem::id,
                DeliveryTestItem::bytes, ProcessorOptions.builder().listener(throwing).build(), scheduler, () -> 0.0);

        for (int i = 0; i < 3; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }
        engine.flushAsync();
        scheduler.runDue();
        assertThat(calls[0]).isEqualTo(3);
        assertThat(engine.stats().delivered()).isEqualTo(3);
    }
}
