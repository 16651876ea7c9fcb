package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blocking flush() on the engine's real thread. */
class DeliveryFlushTest {
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private DeliveryEngine<DeliveryTestItem> start(DeliveryFakeSender sender, String prefix) {
        return DeliveryEngine.start(sender, DeliveryTestItem::id, DeliveryTestItem::bytes,
                ProcessorOptions.builder().maxDelay(Duration.ofHours(1)).threadNamePrefix(prefix).listener(listener).build());
    }

    @Test
    void flushReturnsOnlyAfterLateAnswersArrived() {
        DeliveryFakeSender sender = new DeliveryFakeSender(chunk -> CompletableFuture.supplyAsync(
                () -> DeliveryReply.accepted("late"), CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)));
        DeliveryEngine<DeliveryTestItem> engine = start(sender, "flush-waits");
        try {
            for (int i = 0; i < 10; i++) {
                engine.enqueue(DeliveryTestItem.good("e" + i));
            }
            assertThat(listener.size()).isZero();

            assertThat(engine.flush(null)).isTrue();

            assertThat(listener.byId()).hasSize(10);
            assertThat(listener.all()).allMatch(DeliveryRecordingListener.Outcome::delivered);
            assertThat(listener.all()).allSatisfy(outcome -> assertThat(outcome.thread)
                    .isNotEqualTo(Thread.currentThread().getName()));
        } finally {
            engine.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void anInterruptedFlushReturnsFalseAndKeepsTheInterruptFlag() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = start(sender, "flush-interrupted");
        try {
            engine.enqueue(DeliveryTestItem.good("e"));
            Thread.currentThread().interrupt();

            assertThat(engine.flush(null)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            engine.close(Duration.ZERO);
        }
        assertThat(listener.only("e").error).isInstanceOf(ProcessorClosedException.class);
    }

    @Test
    void aFlushThatRunsOutOfTimeReturnsFalse() {
        DeliveryEngine<DeliveryTestItem> engine = start(DeliveryFakeSender.answeringLater(), "flush-timeout");
        try {
            engine.enqueue(DeliveryTestItem.good("e"));
            assertThat(engine.flush(Duration.ofMillis(50))).isFalse();
            assertThat(listener.size()).isZero();
        } finally {
            engine.close(Duration.ZERO);
        }
    }
}
