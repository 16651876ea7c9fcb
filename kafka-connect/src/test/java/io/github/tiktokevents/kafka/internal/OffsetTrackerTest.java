package io.github.tiktokevents.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void nothingIsCommittableBeforeTheFirstRecordIsSettled() {
        tracker.needsDelivery(P0, 10);
        tracker.needsDelivery(P0, 11);
        tracker.settle(P0, 11);

        assertThat(tracker.committable(P0)).isEmpty();
        assertThat(tracker.committable(P1)).isEmpty();
    }

    @Test
    void theWatermarkStopsAtTheFirstUnsettledRecord() {
        for (long offset = 0; offset < 5; offset++) {
            tracker.needsDelivery(P0, offset);
        }
        tracker.settle(P0, 0);
        tracker.settle(P0, 1);
        tracker.settle(P0, 3);
        tracker.settle(P0, 4);

        assertThat(tracker.committable(P0)).isEqualTo(OptionalLong.of(2));
        assertThat(tracker.outstanding(P0)).isEqualTo(3);

        tracker.settle(P0, 2);
        assertThat(tracker.committable(P0)).isEqualTo(OptionalLong.of(5));
        assertThat(tracker.outstanding(P0)).isZero();
    }

    @Test
    void aRecordBeingReportedHoldsTheWatermarkUntilItsWriteCompletes() {
        tracker.needsDelivery(P0, 0);
        tracker.needsDelivery(P0, 1);
        tracker.needsDelivery(P0, 2);
        tracker.settle(P0, 0);
        tracker.reporting(P0, 1);
        tracker.settle(P0, 2);

        assertThat(tracker.committable(P0)).isEqualTo(OptionalLong.of(1));
        tracker.settle(P0, 1);
        assertThat(tracker.committable(P0)).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void partitionsAreTrackedApart() {
        tracker.needsDelivery(P0, 7);
        tracker.needsDelivery(P1, 7);
        tracker.settle(P1, 7);

        assertThat(tracker.committable(P0)).isEmpty();
        assertThat(tracker.committable(P1)).isEqualTo(OptionalLong.of(8));
    }

    @Test
    void aBatchGivenAgainOnlyNeedsItsPendingRecords() {
        assertThat(tracker.needsDelivery(P0, 0)).isTrue();
        assertThat(tracker.needsDelivery(P0, 1)).isTrue();
        assertThat(tracker.needsDelivery(P0, 2)).isTrue();
        tracker.settle(P0, 0);
        tracker.reporting(P0, 1);

        assertThat(tracker.needsDelivery(P0, 0)).isFalse();
        assertThat(tracker.needsDelivery(P0, 1)).isFalse();
        assertThat(tracker.needsDelivery(P0, 2)).isTrue();
    }

    @Test
    void gapsInOffsetsDoNotHoldTheWatermark() {
        // a compacted topic or transaction markers leave offsets that are never given to the task
        tracker.needsDelivery(P0, 3);
        tracker.needsDelivery(P0, 8);
        tracker.settle(P0, 3);
        tracker.settle(P0, 8);

        assertThat(tracker.committable(P0)).isEqualTo(OptionalLong.of(9));
    }

    @Test
    void forgottenPartitionsCommitNothingAndStartAfresh() {
        tracker.needsDelivery(P0, 0);
        tracker.settle(P0, 0);
        tracker.needsDelivery(P0, 1);

        tracker.forget(List.of(P0));

        assertThat(tracker.committable(P0)).isEmpty();
        assertThat(tracker.needsDelivery(P0, 1)).isTrue();
    }

    @Test
    void settlingAnUnknownRecordIsABug() {
        assertThatThrownBy(() -> tracker.settle(P0, 1)).isInstanceOf(IllegalStateException.class);
        tracker.needsDelivery(P0, 0);
        assertThatThrownBy(() -> tracker.settle(P0, 5)).isInstanceOf(IllegalStateException.class);
    }
}
