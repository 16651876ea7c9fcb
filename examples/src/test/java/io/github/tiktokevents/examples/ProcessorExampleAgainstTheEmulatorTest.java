package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The processor example against the in-process emulator: as is, with faults its retries cure, and with faults they cannot. */
class ProcessorExampleAgainstTheEmulatorTest {
    /**
     * Millisecond waits so the faulty runs take no time; more attempts than the default because up to four requests
     * are in flight, so one request's retry can land on the next faulted request too.
     */
    private static final RetryPolicy SHORT_RETRIES = RetryPolicy.builder()
            .maxAttempts(10)
            .initialDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofMillis(20))
            .maxRetryAfter(Duration.ofMillis(20))
            .build();

    private static final Set<String> ALL_EVENT_IDS = IntStream.rangeClosed(1, ProcessorExample.EVENTS)
            .mapToObj(i -> String.format("view-%04d", i))
            .collect(Collectors.toSet());

    @Test
    void deliversEveryEventAndExitsWithZero() {
        Captured run = Captured.run(ProcessorExample::send, Map.of());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Sending to the in-process TikTok emulator")
                .contains("Enqueued 3000 events in ")
                .contains("; 0 refused")
                .contains("delivered=3000, failed=0, rejected=0")
                .contains("3000 of 3000 events delivered")
                .contains("accepted 3000 events");
    }

    @Test
    void everyThirdRequestRateLimitedStillDeliversEveryEventOnce() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            TikTokEmulator emulator = target.emulator().orElseThrow();
            emulator.faults().rateLimitEvery(3);

            Captured run = Captured.send((t, r) -> ProcessorExample.send(t, r, SHORT_RETRIES), target);

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("3000 of 3000 events delivered").doesNotContain("retried=0,");
            assertEveryEventAcceptedOnce(emulator);
            assertThat(emulator.requests()).filteredOn(request -> !request.accepted()).isNotEmpty()
                    .allSatisfy(request -> assertThat(request.code()).hasValue(40100));
        }
    }

    @Test
    void aSeededMixOfRetryableFaultsStillDeliversEveryEventOnce() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            TikTokEmulator emulator = target.emulator().orElseThrow();
            emulator.faults().randomly(20_231_101L, 0.4, Fault.rateLimited(), Fault.systemError(),
                    Fault.httpError(503, Duration.ofSeconds(1)), Fault.dropConnection());

            Captured run = Captured.send((t, r) -> ProcessorExample.send(t, r, SHORT_RETRIES), target);

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).contains("3000 of 3000 events delivered");
            assertEveryEventAcceptedOnce(emulator);
            assertThat(emulator.requests()).map(RecordedRequest::fault).filteredOn(fault -> fault.isPresent())
                    .isNotEmpty();
        }
    }

    @Test
    void exitsWithOneWhenEventsAreNotDelivered() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            target.emulator().orElseThrow().faults().every(1, Fault.systemError());

            Captured run = Captured.send((t, r) -> ProcessorExample.send(t, r, RetryPolicy.none()), target);

            assertThat(run.status()).isEqualTo(Report.FAILED);
            assertThat(run.out()).contains("0 of 3000 events delivered", "3000 events not delivered");
            assertThat(run.err()).hasLineCount(1).contains("code=50000", "retryable=true");
        }
    }

    /** Each event accepted exactly once: a faulted request is never accepted, so a retry does not double it. */
    private static void assertEveryEventAcceptedOnce(TikTokEmulator emulator) {
        assertThat(emulator.events()).map(RecordedEvent::eventId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ALL_EVENT_IDS);
    }
}
