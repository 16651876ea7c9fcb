package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Infinite" durations ({@code Duration.ofSeconds(Long.MAX_VALUE)}) in every processor setting: they saturate, so
 * nothing overflows, no event is stranded and flush and close return. The waits below only guard against a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeliveryExtremeDurationsTest {
    private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    private DeliveryEngine<DeliveryTestItem> startReal(ProcessorOptions.Builder options) {
        return DeliveryEngine.start(DeliveryFakeSender.acceptingAll(), DeliveryTestItem::id, DeliveryTestItem::bytes,
                options.listener(listener).threadNamePrefix("extreme").build());
    }

    @Test
    void anInfiniteMaxDelayNeitherThrowsFromEnqueueNorHoldsBackAFlush() {
        DeliveryEngine<DeliveryTestItem> engine = startReal(ProcessorOptions.builder().maxDelay(FOREVER));

        assertThat(engine.enqueue(DeliveryTestItem.good("e1"))).isTrue();

        assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(listener.only("e1").delivered()).isTrue();
        engine.close(Duration.ofSeconds(30));
    }

    @Test
    void anInfiniteRequestTimeoutStillLetsFlushReturn() {
        DeliveryEngine<DeliveryTestItem> engine = startReal(ProcessorOptions.builder().requestTimeout(FOREVER));
        engine.enqueue(DeliveryTestItem.good("e1"));

        assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(listener.only("e1").delivered()).isTrue();
        engine.close(Duration.ofSeconds(30));
    }

    @Test
    void infiniteEnqueueAndCloseTimeoutsStartAndStopTheEngine() {
        DeliveryEngine<DeliveryTestItem> engine = startReal(ProcessorOptions.builder()
                .enqueueTimeout(FOREVER).closeTimeout(FOREVER));
        engine.enqueue(DeliveryTestItem.good("e1"));

        engine.close(FOREVER);

        assertThat(listener.only("e1").delivered()).isTrue();
        assertThat(engine.terminated()).isDone();
    }

    @Test
    void anInfiniteRetryDelayFailsAtOnceWithinMaxElapsed() {
        DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
        RetryPolicy policy = RetryPolicy.builder().initialDelay(FOREVER).maxDelay(FOREVER).build();
        DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(failingWithServerErrors(),
                DeliveryTestItem::id, DeliveryTestItem::bytes,
                ProcessorOptions.builder().retryPolicy(policy).listener(listener).build(), scheduler, () -> 0.0);
        engine.enqueue(DeliveryTestItem.good("e1"));

        CompletableFuture<Boolean> flushed = engine.flushAsync();
        scheduler.runDue();

        assertThat(flushed).isDone();
        assertThat(listener.only("e1").error).as("the wait would end after maxElapsed").isInstanceOf(ServerException.class);
    }

    @Test
    void eventsWaitingForAnInfiniteRetryAreReportedWhenTheProcessorCloses() {
        DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
        RetryPolicy policy = RetryPolicy.builder().initialDelay(FOREVER).maxDelay(FOREVER).maxElapsed(FOREVER).build();
        DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(failingWithServerErrors(),
                DeliveryTestItem::id, DeliveryTestItem::bytes,
                ProcessorOptions.builder().retryPolicy(policy).listener(listener).build(), scheduler, () -> 0.0);
        engine.enqueue(DeliveryTestItem.good("e1"));
        engine.enqueue(DeliveryTestItem.good("e2"));
        engine.flushAsync();
        scheduler.runDue();
        assertThat(listener.all()).as("waiting for the retry").isEmpty();

        engine.close(Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(listener.only("e1").error).isInstanceOf(ProcessorClosedException.class);
        assertThat(listener.only("e2").error).isInstanceOf(ProcessorClosedException.class);
        assertThat(engine.terminated()).isDone();
    }

    private static DeliveryFakeSender failingWithServerErrors() {
        return new DeliveryFakeSender(chunk -> CompletableFuture.failedFuture(
                new ServerException(50000, "busy", "req", 200, null)));
    }
}
