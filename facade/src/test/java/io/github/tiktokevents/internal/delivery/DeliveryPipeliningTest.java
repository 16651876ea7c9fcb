package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pipelining on the real scheduler: the thread that brings an answer books it and starts the next request itself,
 * before it returns, instead of waking the delivery thread and waiting for it (a context switch per request).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeliveryPipeliningTest {
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    @Test
    void theThreadThatBringsAnAnswerStartsTheNextRequest() throws Exception {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = DeliveryEngine.start(sender, DeliveryTestItem::id,
                DeliveryTestItem::bytes, ProcessorOptions.builder().maxBatchSize(10).maxRequestsInFlight(1)
                        .maxDelay(Duration.ofHours(1)).threadNamePrefix("pipelining").listener(listener).build());
        for (int i = 0; i < 50; i++) {
            assertThat(engine.enqueue(DeliveryTestItem.good("e" + i))).isTrue();
        }
        while (sender.callCount() == 0) {
            Thread.onSpinWait(); // the delivery thread sends the first batch
        }
        assertThat(sender.call(0).thread.getName()).isEqualTo("pipelining-delivery");

        for (int answered = 0; answered < 4; answered++) {
            // This thread plays the HTTP client's: completing the answer runs the engine here, at once.
            sender.call(answered).answer.complete(DeliveryReply.accepted("r" + answered));

            assertThat(sender.callCount()).as("the next request started before complete() returned")
                    .isEqualTo(answered + 2);
            assertThat(sender.call(answered + 1).thread).isSameAs(Thread.currentThread());
            assertThat(listener.size()).isEqualTo(10 * (answered + 1));
        }
        sender.call(4).answer.complete(DeliveryReply.accepted("r4"));

        assertThat(engine.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(listener.all()).hasSize(50).allMatch(DeliveryRecordingListener.Outcome::delivered);
        engine.close(Duration.ofSeconds(30));
    }
}
