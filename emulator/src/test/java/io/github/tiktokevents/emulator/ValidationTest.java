package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.event;
import static io.github.tiktokevents.emulator.Clients.eventApi;
import static io.github.tiktokevents.emulator.Clients.post;
import static io.github.tiktokevents.emulator.Clients.webRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static TikTokEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TikTokEmulator.builder().accessToken("secret-token")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).futureTolerance(Duration.ofMinutes(10))
                .build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
    }

    private static String web(String events) {
        return "{\"event_source\":\"web\",\"event_source_id\":\"P1\",\"data\":[" + events + "]}";
    }

    private static String eventAt(long eventTime) {
        return "{\"event\":\"ViewContent\",\"page\":{\"url\":\"https://shop.example\"},\"event_time\":" + eventTime + "}";
    }

    private static Clients.Answer postWeb(String events) {
        return post(emulator, Endpoint.EVENT_TRACK, web(events));
    }

    @Test
    void rejectsAMissingAccessToken() throws Exception {
        TikTokResponse response = eventApi(emulator, null).eventTrack("v1.3", webRequest(event("ViewContent", "1")));

        assertThat(response.getCode()).isEqualTo(TikTokCodes.ACCESS_TOKEN_MISSING);
        assertThat(response.getMessage()).contains("Access-Token");
        assertThat(emulator.requests().get(0).accepted()).isFalse();
        assertThat(emulator.events()).isEmpty();
    }

    @Test
    void rejectsAWrongAccessTokenWithoutEchoingEitherToken() throws Exception {
        TikTokResponse response = eventApi(emulator, "wrong-token").eventTrack("v1.3", webRequest(event("A", "1")));

        assertThat(response.getCode()).isEqualTo(TikTokCodes.ACCESS_TOKEN_INVALID);
        assertThat(response.getMessage()).doesNotContain("wrong-token").doesNotContain("secret-token");
        assertThat(emulator.requests().get(0).headers().toString()).doesNotContain("wrong-token");
    }

    @Test
    void pointsOutThatBearerAuthorizationIsNotAccepted() {
        Clients.Answer answer = Clients.send(new okhttp3.Request.Builder().url(emulator.url(Endpoint.EVENT_TRACK))
                .header("Authorization", "Bearer secret-token")
                .post(okhttp3.RequestBody.create(web(eventAt(NOW.getEpochSecond())), Clients.JSON)).build());

        assertThat(answer.code()).isEqualTo(TikTokCodes.ACCESS_TOKEN_MISSING);
        assertThat(answer.message()).contains("Authorization: Bearer");
        assertThat(emulator.requests().get(0).header("Authorization")).hasValue(RecordedRequest.REDACTED);
    }

    @Test
    void rejectsMalformedJsonNamingThePositionButNotTheContent() {
        Clients.Answer answer = post(emulator, Endpoint.EVENT_TRACK, "{\"event_source\": jane@example.com}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(answer.message()).contains("not valid JSON").contains("line 1").doesNotContain("jane");
        assertThat(emulator.requests().get(0).events()).isEmpty();
    }

    @Test
    void rejectsAnEmptyBodyAndABodyThatIsNotAnObject() {
        assertThat(post(emulator, Endpoint.EVENT_TRACK, "").message()).contains("empty");
        assertThat(post(emulator, Endpoint.EVENT_TRACK, "[1]").message()).contains("JSON object");
        assertThat(post(emulator, Endpoint.EVENT_TRACK, "{} {}").message()).contains("not valid JSON");
    }

    @Test
    void namesAMissingRequiredField() {
        Clients.Answer answer = postWeb("{\"event_time\":" + NOW.getEpochSecond() + "}");

        assertThat(answer.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(answer.message()).contains("$.data[0].event: is required");
    }

    @Test
    void namesAFieldOfTheWrongType() {
        Clients.Answer answer = postWeb("{\"event\":\"A\",\"event_time\":\"" + NOW.getEpochSecond() + "\"}");

        assertThat(answer.message()).contains("$.data[0].event_time").contains("integer expected");
    }

    @Test
    void namesAValueOutsideAnEnum() {
        Clients.Answer answer = post(emulator, Endpoint.EVENT_TRACK,
                "{\"event_source\":\"website\",\"event_source_id\":\"P1\",\"data\":[" + eventAt(1) + "]}");

        assertThat(answer.message()).contains("$.event_source").contains("enumeration");
    }

    @Test
    void acceptsOneThousandEventsAndRejectsOneThousandAndOne() {
        String thousand = IntStream.range(0, 1000).mapToObj(i -> eventAt(NOW.getEpochSecond()))
                .collect(Collectors.joining(","));

        assertThat(postWeb(thousand).code()).isZero();
        Clients.Answer tooMany = postWeb(thousand + "," + eventAt(NOW.getEpochSecond()));
        assertThat(tooMany.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(tooMany.message()).contains("$.data").contains("1000");
        assertThat(emulator.events()).hasSize(1000);
        assertThat(emulator.requests().get(1).events()).hasSize(1001).noneMatch(RecordedEvent::accepted);
    }

    @Test
    void rejectsAnEmptyDataArray() {
        assertThat(postWeb("").message()).contains("$.data").contains("at least 1");
    }

    @Test
    void rejectsUnhashedPersonalDataWithoutEchoingIt() throws Exception {
        TikTokResponse response = eventApi(emulator).eventTrack("v1.3", webRequest(event("Purchase", "1")
                .user(new EventUser().email(new HashedIdentifiers("jane@example.com")))));

        assertThat(response.getCode()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(response.getMessage()).contains("$.data[0].user.email").contains("SHA-256")
                .doesNotContain("jane");
    }

    @Test
    void rejectsAnUnhashedValueInAListOfIdentifiers() {
        String hashed = Clients.sha256("+5511999999999");
        Clients.Answer answer = postWeb("{\"event\":\"A\",\"event_time\":" + NOW.getEpochSecond()
                + ",\"user\":{\"phone\":[\"" + hashed + "\",\"+5511988888888\"]}}");

        assertThat(answer.message()).contains("$.data[0].user.phone").contains("SHA-256").doesNotContain("5511988");
    }

    @Test
    void rejectsUpperCaseHexBecauseTheSpecAsksForLowerCase() {
        String upper = Clients.sha256("x").toUpperCase(java.util.Locale.ROOT);
        assertThat(postWeb("{\"event\":\"A\",\"event_time\":1,\"user\":{\"external_id\":\"" + upper + "\"}}").message())
                .contains("$.data[0].user.external_id");
    }

    @Test
    void rejectsUnhashedPersonalDataInPixelRequests() {
        Clients.Answer answer = post(emulator, Endpoint.PIXEL_TRACK,
                "{\"pixel_code\":\"P1\",\"event\":\"A\",\"context\":{\"user\":{\"phone_number\":\"+15551234567\"}}}");

        assertThat(answer.message()).contains("$.context.user.phone_number").doesNotContain("555");
    }

    @Test
    void rejectsAnEventTimeInMilliseconds() {
        Clients.Answer answer = postWeb(eventAt(NOW.toEpochMilli()));

        assertThat(answer.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(answer.message()).contains("$.data[0].event_time").contains("milliseconds");
    }

    @Test
    void rejectsAnEventTimeInTheFutureBeyondTheTolerance() {
        long tooLate = NOW.plus(Duration.ofMinutes(11)).getEpochSecond();

        assertThat(postWeb(eventAt(NOW.plus(Duration.ofMinutes(9)).getEpochSecond())).code()).isZero();
        Clients.Answer answer = postWeb(eventAt(NOW.getEpochSecond()) + "," + eventAt(tooLate));
        assertThat(answer.message()).contains("$.data[1].event_time").contains("future");
    }

    @Test
    void rejectsAPixelTimestampThatIsNotIso8601OrInTheFuture() {
        Clients.Answer notIso = post(emulator, Endpoint.PIXEL_TRACK,
                "{\"pixel_code\":\"P1\",\"event\":\"A\",\"timestamp\":\"1677000000\"}");
        Clients.Answer future = post(emulator, Endpoint.PIXEL_BATCH,
                "{\"pixel_code\":\"P1\",\"batch\":[{\"event\":\"A\",\"timestamp\":\"2026-03-01T12:00:00Z\",\"context\":{\"page\":{\"url\":\"https://shop.example\"}}},"
                        + "{\"event\":\"B\",\"timestamp\":\"2027-01-01T00:00:00+01:00\",\"context\":{\"page\":{\"url\":\"https://shop.example\"}}}]}");

        assertThat(notIso.message()).contains("$.timestamp").contains("date-time");
        assertThat(future.message()).contains("$.batch[1].timestamp").contains("future");
    }

    @Test
    void reportsTheFirstFewProblemsAndCountsTheRest() {
        Clients.Answer answer = post(emulator, Endpoint.EVENT_TRACK, "{\"data\":[{},{},{}]}");

        assertThat(answer.message()).startsWith("Invalid parameters: ").contains("(and ");
        assertThat(answer.message().split(";")).hasSize(3);
    }

    @Test
    void answersNoPermissionForAnEventSourceOutsideTheAllowedList() {
        try (TikTokEmulator restricted = TikTokEmulator.builder().allowedEventSourceIds("P1").build().start()) {
            String body = "{\"event_source\":\"web\",\"event_source_id\":\"P2\",\"data\":[" + eventAt(1) + "]}";

            assertThat(post(restricted, Endpoint.EVENT_TRACK, body).code()).isEqualTo(TikTokCodes.NO_PERMISSION);
            assertThat(post(restricted, Endpoint.EVENT_TRACK, body.replace("P2", "P1")).code()).isZero();
            assertThat(post(restricted, Endpoint.PIXEL_TRACK, "{\"pixel_code\":\"P3\",\"event\":\"A\",\"context\":{\"page\":{\"url\":\"https://shop.example\"}}}").code())
                    .isEqualTo(TikTokCodes.NO_PERMISSION);
        }
    }

    @Test
    void answers404ForAnUnknownPathAnd405ForAnotherMethod() {
        Clients.Answer unknown = Clients.send(new okhttp3.Request.Builder()
                .url(emulator.baseUrl() + "/open_api/v1.3/event/trak/")
                .post(okhttp3.RequestBody.create("{}", Clients.JSON)).build());
        Clients.Answer get = Clients.send(new okhttp3.Request.Builder().url(emulator.url(Endpoint.PIXEL_BATCH)).build());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.message()).contains("GET");
        List<RecordedRequest> requests = emulator.requests();
        assertThat(requests.get(0).endpoint()).isEmpty();
        assertThat(requests.get(1).endpoint()).contains(Endpoint.PIXEL_BATCH);
        assertThat(requests).noneMatch(RecordedRequest::accepted);
    }
}
