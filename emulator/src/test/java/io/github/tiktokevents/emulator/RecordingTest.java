package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.event;
import static io.github.tiktokevents.emulator.Clients.eventApi;
import static io.github.tiktokevents.emulator.Clients.webRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.client.api.EventApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordingTest {
    private static TikTokEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
    }

    @Test
    void keepsEveryCopyOfARetriedEventSoTestsCanSeeRetries() throws Exception {
        EventApi api = eventApi(emulator);
        api.eventTrack("v1.3", webRequest(event("Purchase", "order-7")));
        api.eventTrack("v1.3", webRequest(event("Purchase", "order-7"), event("ViewContent", "view-1")));

        assertThat(emulator.eventsWithId("order-7")).hasSize(2)
                .extracting(RecordedEvent::requestSequence).doesNotHaveDuplicates();
        assertThat(emulator.eventsWithId("view-1")).hasSize(1);
        assertThat(emulator.eventsWithId("absent")).isEmpty();
    }

    @Test
    void numbersRequestsAndKeepsTheirOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "id-" + i)));
        }

        List<RecordedRequest> requests = emulator.requests();
        assertThat(emulator.requestCount()).isEqualTo(3);
        assertThat(requests).extracting(RecordedRequest::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(emulator.events()).extracting(RecordedEvent::eventId).containsExactly("id-0", "id-1", "id-2");
    }

    @Test
    void clearForgetsRequestsButKeepsFaultsWhileResetForgetsBoth() throws Exception {
        emulator.faults().every(1, Fault.systemError());
        eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1")));

        emulator.clear();
        assertThat(emulator.requests()).isEmpty();
        assertThat(eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "2"))).getCode())
                .isEqualTo(TikTokCodes.SYSTEM_ERROR);

        emulator.reset();
        assertThat(emulator.requests()).isEmpty();
        assertThat(eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "3"))).getCode()).isZero();
    }

    @Test
    void returnsSnapshotsThatCannotBeChanged() throws Exception {
        eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1")));

        List<RecordedRequest> requests = emulator.requests();
        assertThatThrownBy(requests::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> requests.get(0).events().get(0).fields().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        emulator.clear();
        assertThat(requests).hasSize(1);
    }

    @Test
    void recordsRequestsSentConcurrentlyWithoutLosingAny() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> codes = IntStream.range(0, 40)
                    .mapToObj(i -> senders.submit(() ->
                            eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "c" + i))).getCode()))
                    .toList();
            for (Future<Long> code : codes) {
                assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(emulator.awaitEvents(40, Duration.ofSeconds(5))).hasSize(40)
                .extracting(RecordedEvent::eventId).doesNotHaveDuplicates();
        assertThat(emulator.requests()).extracting(RecordedRequest::requestId).doesNotHaveDuplicates();
    }

    @Test
    void awaitsEventsSentFromAnotherThread() throws Exception {
        Thread sender = new Thread(() -> {
            try {
                eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1"), event("B", "2")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        sender.start();

        assertThat(emulator.awaitEvents(2, Duration.ofSeconds(10))).extracting(RecordedEvent::eventName)
                .containsExactly("A", "B");
        assertThat(emulator.awaitRequests(1, Duration.ofSeconds(10))).hasSize(1);
        sender.join();
    }

    @Test
    void awaitFailsLikeAnAssertionWhenTooFewArrive() throws Exception {
        emulator.faults().next(Fault.rateLimited());
        eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1")));

        assertThatThrownBy(() -> emulator.awaitEvents(1, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at least 1 accepted events").hasMessageContaining("1 requests received");
        assertThat(emulator.awaitRequests(1, Duration.ZERO)).hasSize(1);
    }
}
