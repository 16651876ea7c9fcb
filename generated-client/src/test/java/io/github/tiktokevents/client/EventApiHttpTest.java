package io.github.tiktokevents.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.PixelBatchRequest;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each generated {@link EventApi} method against a local server: what goes on the wire (method, path, headers,
 * body) and how TikTok's envelope is read, including fields this client does not know yet.
 */
class EventApiHttpTest {
    private static final String TOKEN = "test-access-token-123";
    private static final String ENVELOPE = """
            {"code": 0, "message": "OK", "request_id": "2023020103000001024513514050C3F11A",
             "data": {"events_received": 1, "a_field_added_later": {"nested": true}},
             "an_envelope_field_added_later": "x"}
            """;

    private MockWebServer server;
    private EventApi api;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
        ApiClient client = new ApiClient();
        client.setBasePath(server.url("/").toString().replaceAll("/$", ""));
        client.setApiKey(TOKEN);
        api = new EventApi(client);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void eventTrackPostsTheBodyToEventTrack() throws Exception {
        GoldenPayload golden = GoldenPayload.named("eventTrack-web-purchase.json");
        server.enqueue(envelope());

        TikTokResponse response = api.eventTrack("v1.3", (EventTrackRequest) golden.deserialize());

        assertSent(server.takeRequest(5, TimeUnit.SECONDS), "/open_api/v1.3/event/track/", golden);
        assertEnvelopeRead(response);
    }

    @Test
    void pixelTrackPostsTheBodyToPixelTrack() throws Exception {
        GoldenPayload golden = GoldenPayload.named("pixelTrack-python-readme.json");
        server.enqueue(envelope());

        TikTokResponse response = api.pixelTrack("v1.3", (PixelTrackRequest) golden.deserialize());

        assertSent(server.takeRequest(5, TimeUnit.SECONDS), "/open_api/v1.3/pixel/track/", golden);
        assertEnvelopeRead(response);
    }

    @Test
    void pixelBatchPostsTheBodyToPixelBatch() throws Exception {
        GoldenPayload golden = GoldenPayload.named("pixelBatch-two-events.json");
        server.enqueue(envelope());

        TikTokResponse response = api.pixelBatch("v1.3", (PixelBatchRequest) golden.deserialize());

        assertSent(server.takeRequest(5, TimeUnit.SECONDS), "/open_api/v1.3/pixel/batch/", golden);
        assertEnvelopeRead(response);
    }

    @Test
    void theVersionIsChosenPerCall() throws Exception {
        server.enqueue(envelope());

        api.eventTrack("v1.4", (EventTrackRequest) GoldenPayload.named("eventTrack-crm-lead.json").deserialize());

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/open_api/v1.4/event/track/");
    }

    @Test
    void aFailureCodeArrivesAsAnEnvelopeOverHttp200() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"code\":40100,\"message\":\"Too many requests.\",\"request_id\":\"r-1\",\"data\":{}}")
                .build());

        TikTokResponse response = api.pixelTrack("v1.3",
                (PixelTrackRequest) GoldenPayload.named("pixelTrack-python-readme.json").deserialize());

        assertThat(response.getCode()).isEqualTo(40100L);
        assertThat(response.getMessage()).isEqualTo("Too many requests.");
        assertThat(response.getRequestId()).isEqualTo("r-1");
    }

    private static MockResponse envelope() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ENVELOPE)
                .build();
    }

    private static void assertSent(RecordedRequest request, String path, GoldenPayload golden) {
        assertThat(request).as("no request reached the server").isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo(path);
        assertThat(request.getHeaders().get("Access-Token")).isEqualTo(TOKEN);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        MediaType contentType = MediaType.parse(request.getHeaders().get("Content-Type"));
        assertThat(contentType).isNotNull();
        assertThat(contentType.type() + "/" + contentType.subtype()).isEqualTo("application/json");
        assertThat(JsonParser.parseString(request.getBody().utf8()))
                .isEqualTo(JsonParser.parseString(golden.json()));
    }

    private static void assertEnvelopeRead(TikTokResponse response) {
        assertThat(response.getCode()).isZero();
        assertThat(response.getMessage()).isEqualTo("OK");
        assertThat(response.getRequestId()).isEqualTo("2023020103000001024513514050C3F11A");
        assertThat(response.getData()).containsEntry("events_received", 1.0)
                .containsEntry("a_field_added_later", Map.of("nested", true));
        assertThat(response.getAdditionalProperties()).containsEntry("an_envelope_field_added_later", "x");
    }
}
