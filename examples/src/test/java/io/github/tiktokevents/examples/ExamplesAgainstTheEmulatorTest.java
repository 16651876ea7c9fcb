package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.tiktokevents.emulator.Endpoint;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokCodes;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each example's main logic, run as without TIKTOK_ACCESS_TOKEN: against an in-process emulator. */
class ExamplesAgainstTheEmulatorTest {
    /** SHA-256 of test@test.com, the README's email. */
    private static final String HASHED_EMAIL = "f660ab912ec121d1b1e928a0bb4bc61b15f5ad44d5efdc4e1c92a25e99b8e44a";

    @Test
    void quickStartSendsTheReadmeEventAndReportsTheAnswer() {
        Captured run = Captured.run(QuickStart::send, Map.of());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("Sending to the in-process TikTok emulator")
                .contains("event_id=123456789, event_time=1675220400")
                .contains("Warning: event_time is older than 28 days")
                .contains("user.email (SHA-256) " + HASHED_EMAIL)
                .contains("POST /open_api/v1.3/event/track/")
                .contains("\"content_type\":\"product\"")
                .contains("\"ttp\":\"94e2a4j9-h3ss-k2h5-98cc-c84a745mk098\"")
                .containsPattern("The emulator answered: code=0, message=OK, request_id=\\w{34}")
                .doesNotContain("test@test.com", "+5541998862934");
    }

    @Test
    void quickStartExitsWithOneAndOneLineWhenRefused() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            TikTokEmulator emulator = target.emulator().orElseThrow();
            emulator.faults().next(Fault.code(40001, "No permission to operate pixel code"));

            Captured run = Captured.send(QuickStart::send, target);

            assertThat(run.status()).isEqualTo(Report.FAILED);
            assertThat(run.err()).hasLineCount(1)
                    .contains("code=40001", "request_id=" + emulator.requests().get(0).requestId(), "retryable=false");
        }
    }

    @Test
    void batchSendsTwoAndAHalfThousandEventsInThreeRequests() {
        Captured run = Captured.run(BatchOfEvents::send, Map.of());

        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Request 1: 1000 web events (cart-0001 .. cart-1000) -> code=0")
                .contains("Request 2: 1000 web events (cart-1001 .. cart-2000) -> code=0")
                .contains("Request 3: 500 web events (cart-2001 .. cart-2500) -> code=0")
                .contains("The emulator recorded 3 requests carrying 2500 events")
                .contains("2500 of 2500 events accepted");
    }

    @Test
    void batchReportsTheFailedRequestAndTheOthersStillGetThrough() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            // the first request is answered normally (after no delay), the second is refused for good: a permission
            // error is not retried (a system error would be retried and then accepted) and, unlike a parameter error
            // that may be about one event, not split
            target.emulator().orElseThrow().faults().next(Fault.delay(Duration.ZERO),
                    Fault.code(TikTokCodes.NO_PERMISSION, "No permission"));

            Captured run = Captured.send(BatchOfEvents::send, target);

            assertThat(run.status()).isEqualTo(Report.FAILED);
            assertThat(run.out())
                    .contains("Request 1: 1000 web events (cart-0001 .. cart-1000) -> code=0")
                    .contains("Request 2: 1000 web events (cart-1001 .. cart-2000) -> FAILED: ")
                    .contains("Request 3: 500 web events (cart-2001 .. cart-2500) -> code=0")
                    .contains("1500 of 2500 events accepted");
            assertThat(run.err()).hasLineCount(1).contains("code=40001");
        }
    }

    @Test
    void offlineAndCrmEventsGoToTheirEventSets() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            Captured run = Captured.send(OfflineAndCrmEvents::send, target);

            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("Sent offline event Purchase", "Sent crm event LeadQualified");
            assertThat(target.emulator().orElseThrow().events())
                    .extracting(RecordedEvent::eventSourceId, RecordedEvent::eventName, RecordedEvent::accepted)
                    .containsExactly(
                            tuple(ExampleTarget.EMULATOR_OFFLINE_EVENT_SET_ID, "Purchase", true),
                            tuple(ExampleTarget.EMULATOR_CRM_EVENT_SET_ID, "LeadQualified", true));
            assertThat(target.emulator().orElseThrow().events().get(1).at("/lead/lead_id")).hasValue("7181537674010017795");
        }
    }

    @Test
    void theRawEventApiSendsAndChecksTheCodeItself() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            Captured run = Captured.send(RawEventApi::send, target);

            assertThat(run.status()).isZero();
            assertThat(run.out()).contains("user.email (SHA-256) " + HASHED_EMAIL).contains("HTTP 200: code=0");
            assertThat(target.emulator().orElseThrow().events(Endpoint.EVENT_TRACK)).singleElement()
                    .satisfies(event -> assertThat(event.at("/user/email")).hasValue(HASHED_EMAIL));
        }
    }

    @Test
    void theRawEventApiTurnsANonZeroCodeIntoAFailure() {
        try (ExampleTarget target = ExampleTarget.startEmulator()) {
            target.emulator().orElseThrow().faults().next(Fault.code(40002, "Invalid parameters"));

            Captured run = Captured.send(RawEventApi::send, target);

            assertThat(run.status()).isEqualTo(Report.FAILED);
            assertThat(run.err()).hasLineCount(1).contains("code 40002");
        }
    }
}
