package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryQueueFullTest {
    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    private DeliveryEngine<DeliveryTestItem> engine(ProcessorOptions.Builder options) {
        return new DeliveryEngine<>(DeliveryFakeSender.acceptingAll(), DeliveryTestItem::id, DeliveryTestItem::bytes,
                options.listener(listener).build(), scheduler, () -> 0.0);
    }

    @Test
    void rejectPolicyRefusesAtOnceWhenTheCountIsReached() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacity(5).queueFullPolicy(QueueFullPolicy.REJECT));

        for (int i = 0; i < 5; i++) {
            assertThat(engine.enqueue(DeliveryTestItem.good("e" + i))).isTrue();
        }
        assertThat(engine.enqueue(DeliveryTestItem.good("late"))).isFalse();

        assertThat(listener.only("late").error).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("queueCapacity").hasMessageContaining("REJECT");
        assertThat(engine.stats().rejected()).isEqualTo(1);
        assertThat(engine.stats().enqueued()).isEqualTo(5);

        // A full queue is sent at once, without waiting for a full batch or maxDelay.
        scheduler.runDue();
        assertThat(listener.all()).filteredOn(DeliveryRecordingListener.Outcome::delivered).hasSize(5);
        assertThat(engine.enqueue(DeliveryTestItem.good("after"))).isTrue();
    }

    @Test
    void rejectPolicyRefusesWhenTheBytesAreReached() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacityBytes(1000).queueFullPolicy(QueueFullPolicy.REJECT));

        for (int i = 0; i < 3; i++) {
            assertThat(engine.enqueue(new DeliveryTestItem("e" + i, 300, false))).isTrue();
        }
        assertThat(engine.enqueue(new DeliveryTestItem("big", 300, false))).isFalse();
        assertThat(engine.enqueue(new DeliveryTestItem("small", 100, false))).isTrue();

        assertThat(listener.only("big").error).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("queueCapacityBytes");
    }

    @Test
    void anEventLargerThanTheWholeQueueIsRefusedWithoutWaiting() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacityBytes(1000).enqueueTimeout(Duration.ofDays(1)));

        assertThat(engine.enqueue(new DeliveryTestItem("huge", 1001, false))).isFalse();
        assertThat(listener.only("huge").error).isInstanceOf(QueueFullException.class).hasMessageContaining("exceeds");
    }

    @Test
    void blockPolicyGivesUpAfterTheTimeoutByCount() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacity(2).enqueueTimeout(Duration.ofMillis(20)));

        engine.enqueue(DeliveryTestItem.good("a"));
        engine.enqueue(DeliveryTestItem.good("b"));
        // The manual scheduler never runs here, so no room can appear.
        assertThat(engine.enqueue(DeliveryTestItem.good("c"))).isFalse();
        assertThat(listener.only("c").error).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("queueCapacity").hasMessageContaining("enqueueTimeout");
    }

    @Test
    void blockPolicyGivesUpAfterTheTimeoutByBytes() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacityBytes(500).enqueueTimeout(Duration.ofMillis(20)));

        engine.enqueue(new DeliveryTestItem("a", 400, false));
        assertThat(engine.enqueue(new DeliveryTestItem("b", 400, false))).isFalse();
        assertThat(listener.only("b").error).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("queueCapacityBytes");
    }

    @Test
    void blockPolicyWaitsForRoomAndThenAccepts() {
        DeliveryRecordingListener realListener = new DeliveryRecordingListener();
        DeliveryEngine<DeliveryTestItem> engine = DeliveryEngine.start(DeliveryFakeSender.acceptingAll(),
                DeliveryTestItem::id, DeliveryTestItem::bytes, ProcessorOptions.builder()
                        .queueCapacity(1).enqueueTimeout(Duration.ofMinutes(1))
                        .threadNamePrefix("queue-full-block").listener(realListener).build());
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(engine.enqueue(DeliveryTestItem.good("e" + i))).isTrue();
            }
            assertThat(engine.flush(null)).isTrue();
            assertThat(realListener.byId()).hasSize(50);
            assertThat(realListener.all()).allMatch(DeliveryRecordingListener.Outcome::delivered);
        } finally {
            engine.close(Duration.ofSeconds(5));
        }
    }

    @Test
    void aCallerInterruptedWhileWaitingIsRefusedAndKeepsItsInterruptFlag() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder()
                .queueCapacity(1).enqueueTimeout(Duration.ofDays(1)));
        engine.enqueue(DeliveryTestItem.good("a"));

        Thread.currentThread().interrupt();
        assertThat(engine.enqueue(DeliveryTestItem.good("b"))).isFalse();

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(listener.only("b").error).isInstanceOf(QueueFullException.class).hasMessageContaining("interrupted");
    }

    @Test
    void anEventWithoutIdIsAProgrammingError() {
        DeliveryEngine<DeliveryTestItem> engine = engine(ProcessorOptions.builder());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.enqueue(new DeliveryTestItem(null, 1, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event_id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.enqueue(null))
                .isInstanceOf(NullPointerException.class);
    }
}
