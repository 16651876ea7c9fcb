package io.github.tiktokevents.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.internal.delivery.DeliveryRecordingListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full queue through the real client, for each {@link QueueFullPolicy}: TikTok holds the one request allowed in
 * flight, so the next batch cannot leave the queue and the queue fills up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessorQueueFullTest {
    private static final int CAPACITY = 10;

    private final MockWebServer server = new MockWebServer();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();
    private final GatedTikTok tiktok = GatedTikTok.closed();
    private TikTokEvents client;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(tiktok);
        server.start(0);
        String url = server.url("/").toString();
        client = TikTokEvents.builder().accessToken(MockTikTok.TOKEN).pixelCode(MockTikTok.PIXEL).baseUrl(url)
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        tiktok.open();
        client.close();
        server.close();
        Thread.interrupted();
    }

    /** One batch held by TikTok, and a full queue behind it. */
    private EventProcessor fullProcessor(QueueFullPolicy policy, Duration enqueueTimeout) throws Exception {
        EventProcessor processor = client.processor(ProcessorOptions.builder().maxBatchSize(CAPACITY)
                .maxRequestsInFlight(1).queueCapacity(CAPACITY).queueFullPolicy(policy).enqueueTimeout(enqueueTimeout)
                .maxDelay(Duration.ofMinutes(1)).listener(listener).threadNamePrefix("full-" + policy).build());
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(processor.enqueue(web("held" + i))).isTrue();
        }
        tiktok.awaitArrivals(1); // the first batch left the queue and waits for TikTok
        for (int i = 0; i < CAPACITY; i++) {
            assertThat(processor.enqueue(web("queued" + i))).isTrue();
        }
        assertThat(processor.stats().queueDepth()).isEqualTo(CAPACITY);
        return processor;
    }

    private static Event web(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example")).build();
    }

    @Test
    void rejectPolicyRefusesAtOnceAndReportsTheEventOnTheCallersThread() throws Exception {
        EventProcessor processor = fullProcessor(QueueFullPolicy.REJECT, Duration.ofSeconds(30));

        assertThat(processor.enqueue(web("refused"))).isFalse();

        DeliveryRecordingListener.Outcome refused = listener.only("refused");
        assertThat(refused.error).isInstanceOf(QueueFullException.class).hasMessageContaining("queueCapacity");
        assertThat(refused.thread).isEqualTo(Thread.currentThread().getName());
        assertThat(processor.stats().rejected()).isEqualTo(1);
        tiktok.open();
        assertThat(processor.flush()).isTrue();
        assertThat(listener.byId()).hasSize(2 * CAPACITY + 1);
        assertThat(processor.stats().delivered()).isEqualTo(2 * CAPACITY);
        assertThat(tiktok.ids).doesNotContain("refused");
    }

    @Test
    void blockPolicyGivesUpAfterTheEnqueueTimeout() throws Exception {
        EventProcessor processor = fullProcessor(QueueFullPolicy.BLOCK_WITH_TIMEOUT, Duration.ofMillis(20));

        assertThat(processor.enqueue(web("timed-out"))).isFalse();

        assertThat(listener.only("timed-out").error).isInstanceOf(QueueFullException.class)
                .hasMessageContaining("enqueueTimeout");
        assertThat(processor.stats().rejected()).isEqualTo(1);
    }

    @Test
    void blockPolicyWaitsForRoomAndAcceptsOnceABatchLeaves() throws Exception {
        EventProcessor processor = fullProcessor(QueueFullPolicy.BLOCK_WITH_TIMEOUT, Duration.ofSeconds(30));
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        Thread producer = new Thread(() -> accepted.complete(processor.enqueue(web("waited"))), "test-producer");
        producer.start();
        while (producer.getState() != Thread.State.TIMED_WAITING && !accepted.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(accepted).as("the producer waits for room").isNotDone();

        tiktok.open(); // the held batch is answered, the queued one leaves, room appears

        assertThat(accepted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(processor.flush()).isTrue();
        assertThat(listener.only("waited").delivered()).isTrue();
        assertThat(processor.stats().rejected()).isZero();
        assertThat(listener.byId()).hasSize(2 * CAPACITY + 1);
    }
}
