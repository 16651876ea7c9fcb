package io.github.tiktokevents.outbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A processor on a {@link LocalOutbox}, against the emulator, in this JVM. */
@Timeout(60)
class LocalOutboxProcessorTest {
    static final String PIXEL = "PIXEL_OUTBOX";

    @TempDir
    Path directory;
    private TikTokEmulator tiktok;
    private TikTokEvents client;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() {
        tiktok = TikTokEmulator.builder().build().start();
        client = TikTokEvents.builder().accessToken(tiktok.accessToken()).pixelCode(PIXEL).baseUrl(tiktok.baseUrl())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        tiktok.close();
    }

    static Event event(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example/" + id)).build();
    }

    private ProcessorOptions.Builder options() {
        return ProcessorOptions.builder().listener(listener).drainOnShutdown(false);
    }

    private static Set<String> acceptedIds(TikTokEmulator tiktok) {
        return tiktok.events().stream().filter(RecordedEvent::accepted).map(RecordedEvent::eventId)
                .collect(Collectors.toSet());
    }

    @Test
    void deliversWhatItStoredAndEmptiesTheOutbox() {
        LocalOutbox outbox = LocalOutbox.builder(directory).build();
        EventProcessor processor = client.processor(options().maxDelay(Duration.ofMillis(20)).build(), outbox);
        List<String> ids = IntStream.range(0, 300).mapToObj(i -> "d" + i).toList();
        ids.forEach(id -> assertThat(processor.enqueue(event(id))).isTrue());

        assertThat(processor.flush(Duration.ofSeconds(30))).isTrue();

        assertThat(acceptedIds(tiktok)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listener.delivered).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listener.failed).isEmpty();
        ProcessorStats stats = processor.stats();
        assertThat(stats.enqueued()).isEqualTo(300);
        assertThat(stats.delivered()).isEqualTo(300);
        assertThat(outbox.size()).isZero();
        processor.close();
    }

    @Test
    void sendsTheStoredBytesExactlyAsTheEventWouldBeSent() {
        Event event = event("same-bytes");
        client.sendBatch(List.of(event));
        String direct = tiktok.events().get(0).json();
        tiktok.clear();

        EventProcessor processor = client.processor(options().build(), LocalOutbox.builder(directory).build());
        processor.enqueue(event);
        assertThat(processor.flush(Duration.ofSeconds(30))).isTrue();
        processor.close();

        assertThat(tiktok.events()).singleElement().satisfies(sent -> assertThat(sent.json()).isEqualTo(direct));
    }

    @Test
    void closeLeavesWhatIsNotDeliveredForTheNextStartInsteadOfFailingIt() {
        ProcessorOptions slow = options().maxDelay(Duration.ofHours(1)).build(); // nothing goes before close
        EventProcessor first = client.processor(slow, LocalOutbox.builder(directory).build());
        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "c" + i).toList();
        ids.forEach(id -> first.enqueue(event(id)));

        first.close(Duration.ZERO);

        assertThat(listener.failed).isEmpty(); // an in-memory processor fails them with ProcessorClosedException
        assertThat(acceptedIds(tiktok)).isEmpty();

        LocalOutbox reopened = LocalOutbox.builder(directory).build();
        assertThat(reopened.size()).isEqualTo(120);
        EventProcessor second = client.processor(options().build(), reopened);
        assertThat(second.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(acceptedIds(tiktok)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reopened.size()).isZero();
        second.close();
        assertThat(listener.failed).isEmpty();
    }

    @Test
    void keepsAnEventTikTokRefusedForGoodWithItsAnswerUntilTaken() {
        tiktok.faults().next(new Fault.Answer(200, 40002, "Invalid parameter: data[0].page.url", null));
        LocalOutbox outbox = LocalOutbox.builder(directory).build();
        EventProcessor processor = client.processor(options().build(), outbox);
        processor.enqueue(event("refused-1"));

        assertThat(processor.flush(Duration.ofSeconds(30))).isFalse();

        assertThat(listener.failed).containsOnlyKeys("refused-1");
        assertThat(outbox.size()).isZero();
        List<RefusedEvent> refusals = outbox.refusals(10);
        assertThat(refusals).singleElement().satisfies(refused -> {
            assertThat(refused.event().eventId()).isEqualTo("refused-1");
            assertThat(refused.code()).isEqualTo(40002);
            assertThat(refused.message()).isEqualTo("Invalid parameter: data[0].page.url");
            assertThat(refused.requestId()).isNotBlank();
        });
        outbox.forget(refusals);
        assertThat(outbox.refusals(10)).isEmpty();
        processor.close();
    }

    @Test
    void keepsEventsWhoseRetriesRanOutInsteadOfFailingThem() {
        for (int i = 0; i < 4; i++) {
            tiktok.faults().next(new Fault.Answer(503, 0, "unavailable", null));
        }
        RetryPolicy twice = RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(2)).build();
        LocalOutbox outbox = LocalOutbox.builder(directory).build();
        EventProcessor processor = client.processor(options().retryPolicy(twice).build(), outbox);
        processor.enqueue(event("kept-1"));

        assertThat(processor.flush(Duration.ofSeconds(30))).isFalse();

        assertThat(listener.failed).isEmpty();
        assertThat(outbox.size()).isEqualTo(1);
        processor.close(Duration.ZERO);
        LocalOutbox reopened = LocalOutbox.builder(directory).build();
        assertThat(reopened.claim(EventSource.WEB, 10)).extracting(OutboxEvent::eventId).containsExactly("kept-1");
        reopened.close();
    }

    @Test
    void aFullOutboxRefusesUnderTheProcessorsQueueFullPolicy() {
        LocalOutbox outbox = LocalOutbox.builder(directory).capacity(3).build();
        EventProcessor processor = client.processor(options().maxDelay(Duration.ofHours(1))
                .queueFullPolicy(QueueFullPolicy.REJECT).build(), outbox);
        for (int i = 0; i < 3; i++) {
            assertThat(processor.enqueue(event("f" + i))).isTrue();
        }

        assertThat(processor.enqueue(event("f3"))).isFalse();

        assertThat(listener.failed).containsOnlyKeys("f3");
        assertThat(listener.failed.get("f3")).isInstanceOf(QueueFullException.class).hasMessageContaining("outbox is full");
        assertThat(processor.stats().rejected()).isEqualTo(1);
        processor.close(Duration.ZERO);
    }

    @Test
    void aSecondOutboxOnTheSameDirectoryIsRefusedNamingIt() {
        LocalOutbox first = LocalOutbox.builder(directory).build();

        assertThatThrownBy(() -> LocalOutbox.builder(directory).build())
                .isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("in use");

        first.close();
        LocalOutbox.builder(directory).build().close(); // the lock went with the first
    }

    @Test
    void aClosedProcessorRefusesNewEvents() {
        EventProcessor processor = client.processor(options().build(), LocalOutbox.builder(directory).build());
        processor.close();

        assertThat(processor.enqueue(event("late"))).isFalse();
        assertThat(listener.failed.get("late")).isInstanceOf(ProcessorClosedException.class);
    }
}
