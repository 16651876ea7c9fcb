package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.event;
import static io.github.tiktokevents.emulator.Clients.eventApi;
import static io.github.tiktokevents.emulator.Clients.webRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.tiktokevents.client.ApiException;
import io.github.tiktokevents.client.ApiResponse;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();
    private static TikTokEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TikTokEmulator.builder().sleeper(SLEPT::add).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
        SLEPT.clear();
    }

    private static String body(int i) {
        return "{\"event_source\":\"web\",\"event_source_id\":\"P\",\"data\":[{\"event\":\"A\",\"page\":{\"url\":\"https://shop.example\"},\"event_id\":\"e" + i
                + "\",\"event_time\":" + java.time.Instant.now().getEpochSecond() + "}]}";
    }

    private static Clients.Answer send(int i) {
        return Clients.post(emulator, Endpoint.EVENT_TRACK, body(i));
    }

    @Test
    void answersEveryNthRequestWithTheRateLimit() {
        emulator.faults().rateLimitEvery(3);

        List<Long> codes = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            codes.add(send(i).code());
        }

        assertThat(codes).containsExactly(0L, 0L, 40100L, 0L, 0L, 40100L, 0L);
        assertThat(emulator.events()).extracting(RecordedEvent::eventId).containsExactly("e1", "e2", "e4", "e5", "e7");
    }

    @Test
    void recordsAFaultedRequestAsNotAcceptedButKeepsItsEvents() {
        emulator.faults().next(Fault.rateLimited());

        send(1);

        RecordedRequest request = emulator.requests().get(0);
        assertThat(request.accepted()).isFalse();
        assertThat(request.fault()).contains(Fault.rateLimited());
        assertThat(request.code()).hasValue(TikTokCodes.RATE_LIMITED);
        assertThat(request.events()).extracting(RecordedEvent::eventId).containsExactly("e1");
        assertThat(request.events()).noneMatch(RecordedEvent::accepted);
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void forcesTheNextAnswersInOrderThenAnswersNormally() throws Exception {
        emulator.faults().next(Fault.code(TikTokCodes.NO_PERMISSION, "No permission"), Fault.systemError());
        assertThat(emulator.faults().queued()).hasSize(2);

        List<Long> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "x" + i))).getCode());
        }

        assertThat(codes).containsExactly(40001L, 50000L, 0L);
        assertThat(emulator.faults().queued()).isEmpty();
    }

    @Test
    void answersASystemErrorWithHttp200() throws Exception {
        emulator.faults().next(Fault.systemError());

        ApiResponse<TikTokResponse> response =
                eventApi(emulator).eventTrackWithHttpInfo("v1.3", webRequest(event("A", "1")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getData().getCode()).isEqualTo(TikTokCodes.SYSTEM_ERROR);
        assertThat(response.getData().getRequestId()).isNotBlank();
    }

    @Test
    void answersHttp503WithRetryAfterInWholeSeconds() {
        emulator.faults().next(Fault.httpError(503, Duration.ofMillis(1500)), Fault.httpError(500, null));

        Clients.Answer unavailable = send(1);
        Clients.Answer serverError = send(2);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.retryAfter()).isEqualTo("2");
        assertThat(unavailable.code()).isEqualTo(TikTokCodes.SYSTEM_ERROR);
        assertThat(serverError.status()).isEqualTo(500);
        assertThat(serverError.retryAfter()).isNull();
        assertThat(emulator.requests()).extracting(RecordedRequest::httpStatus).containsExactly(503, 500);
    }

    @Test
    void dropsTheConnectionWithoutAnswering() {
        emulator.faults().next(Fault.dropConnection());

        assertThatThrownBy(() -> send(1)).isInstanceOf(UncheckedIOException.class);

        RecordedRequest dropped = emulator.requests().get(0);
        assertThat(dropped.httpStatus()).isZero();
        assertThat(dropped.code()).isEmpty();
        assertThat(dropped.accepted()).isFalse();
        assertThat(send(2).code()).isZero();
    }

    @Test
    void sendsATruncatedEnvelope() {
        emulator.faults().next(Fault.truncatedBody());

        Clients.Answer answer = send(1);

        assertThat(answer.status()).isEqualTo(200);
        assertThatThrownBy(() -> JsonParser.parseString(answer.body()).getAsJsonObject().get("request_id").getAsString())
                .isInstanceOf(JsonParseException.class);
        assertThat(emulator.requests().get(0).code()).isEmpty();
    }

    @Test
    void makesTheGeneratedClientFailOnATruncatedEnvelope() {
        emulator.faults().next(Fault.truncatedBody());

        // a read failure surfaces from the generated client as an unchecked exception, not as ApiException
        assertThatThrownBy(() -> eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1"))))
                .isInstanceOf(JsonParseException.class);
    }

    @Test
    void sendsAnHtmlPageWhereTheEnvelopeShouldBe() {
        emulator.faults().next(Fault.malformedBody());

        // the generated client refuses a non-JSON content type with a checked ApiException
        assertThatThrownBy(() -> eventApi(emulator).eventTrack("v1.3", webRequest(event("A", "1"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("text/html");
        assertThat(emulator.requests().get(0).fault()).contains(Fault.malformedBody());
    }

    @Test
    void delaysThroughTheSleeperThenAnswersNormally() {
        emulator.faults().next(Fault.delay(Duration.ofSeconds(30)));

        assertThat(send(1).code()).isZero();

        assertThat(SLEPT).containsExactly(Duration.ofSeconds(30));
        RecordedRequest request = emulator.requests().get(0);
        assertThat(request.accepted()).isTrue();
        assertThat(request.fault()).contains(Fault.delay(Duration.ofSeconds(30)));
    }

    @Test
    void delaysThenShowsAnotherFault() {
        emulator.faults().next(Fault.delayed(Duration.ofSeconds(5), Fault.rateLimited()));

        assertThat(send(1).code()).isEqualTo(TikTokCodes.RATE_LIMITED);
        assertThat(SLEPT).containsExactly(Duration.ofSeconds(5));
        assertThat(emulator.requests().get(0).accepted()).isFalse();
    }

    @Test
    void mixesFaultsRandomlyAndReproduciblyWithASeed() {
        List<Long> first = codesWithRandomFaults(7L);
        List<Long> second = codesWithRandomFaults(7L);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(0L).containsAnyOf(40100L, 50000L);
        assertThat(first.stream().filter(code -> code != 0)).hasSizeBetween(2, 18);
    }

    private static List<Long> codesWithRandomFaults(long seed) {
        emulator.reset();
        emulator.faults().randomly(seed, 0.5, Fault.rateLimited(), Fault.systemError());
        List<Long> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(send(i).code());
        }
        return codes;
    }

    @Test
    void queuedFaultsComeBeforeThePeriodicRule() {
        emulator.faults().every(1, Fault.systemError()).next(Fault.rateLimited());

        assertThat(send(1).code()).isEqualTo(TikTokCodes.RATE_LIMITED);
        assertThat(send(2).code()).isEqualTo(TikTokCodes.SYSTEM_ERROR);
    }

    @Test
    void clearRestoresNormalAnswers() {
        emulator.faults().every(1, Fault.systemError()).randomly(1, 1.0, Fault.rateLimited()).next(Fault.dropConnection());

        emulator.faults().clear();

        assertThat(send(1).code()).isZero();
    }

    @Test
    void rejectsNonsensicalFaultSettings() {
        assertThatThrownBy(() -> emulator.faults().every(0, Fault.systemError()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().randomly(1, 1.5, Fault.systemError()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emulator.faults().randomly(1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.httpError(99, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.delayed(Duration.ZERO, Fault.delay(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
