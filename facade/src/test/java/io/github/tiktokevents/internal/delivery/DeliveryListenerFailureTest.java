package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A listener that throws anything, errors included, must not strand the other events of its batch or a flush. */
class DeliveryListenerFailureTest {
    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();

    /** Throws the given error for the first event it hears about, and records every call. */
    private static final class ThrowingListener implements DeliveryListener {
        final List<String> heard = new CopyOnWriteArrayList<>();
        private final Error error;

        ThrowingListener(Error error) {
            this.error = error;
        }

        @Override
        public void delivered(String eventId, String requestId) {
            hear(eventId);
        }

        @Override
        public void failed(String eventId, TikTokException failure) {
            hear(eventId);
        }

        private void hear(String eventId) {
            heard.add(eventId);
            if (heard.size() == 1) {
                throw error;
            }
        }
    }

    private DeliveryEngine<DeliveryTestItem> engine(DeliverySender<DeliveryTestItem> sender, DeliveryListener listener) {
        return new DeliveryEngine<>(sender, DeliveryTestItem::id, DeliveryTestItem::bytes,
                ProcessorOptions.builder().maxDelay(Duration.ofHours(1)).listener(listener).build(), scheduler, () -> 0.0);
    }

    @Test
    void aStackOverflowInDeliveredStrandsNeitherTheBatchNorTheFlush() {
        ThrowingListener listener = new ThrowingListener(new StackOverflowError("listener recursed"));
        DeliveryEngine<DeliveryTestItem> engine = engine(DeliveryFakeSender.acceptingAll(), listener);
        for (int i = 0; i < 5; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }

        CompletableFuture<Boolean> flushed = engine.flushAsync();
        scheduler.runDue();

        assertThat(listener.heard).containsExactly("e0", "e1", "e2", "e3", "e4");
        assertThat(flushed).isDone();
        assertThat(engine.stats().delivered()).isEqualTo(5);
    }

    @Test
    void anErrorInFailedStrandsNeitherTheBatchNorTheFlush() {
        ThrowingListener listener = new ThrowingListener(new OutOfMemoryError("listener ran out"));
        DeliveryEngine<DeliveryTestItem> engine = engine(new DeliveryFakeSender(chunk -> CompletableFuture.failedFuture(
                new AuthenticationException(40105, "token", "req", 200, null))), listener);
        for (int i = 0; i < 5; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }

        CompletableFuture<Boolean> flushed = engine.flushAsync();
        scheduler.runDue();

        assertThat(listener.heard).containsExactlyInAnyOrder("e0", "e1", "e2", "e3", "e4");
        assertThat(flushed).isDone();
        assertThat(engine.stats().failed()).isEqualTo(5);
    }
}
