package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.PIXEL;
import static io.github.tiktokevents.emulator.Clients.event;
import static io.github.tiktokevents.emulator.Clients.eventApi;
import static io.github.tiktokevents.emulator.Clients.sha256;
import static io.github.tiktokevents.emulator.Clients.webRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.client.ApiResponse;
import io.github.tiktokevents.client.model.Content;
import io.github.tiktokevents.client.model.ContentType;
import io.github.tiktokevents.client.model.EventProperties;
import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.Page;
import io.github.tiktokevents.client.model.PixelBatchEvent;
import io.github.tiktokevents.client.model.PixelBatchRequest;
import io.github.tiktokevents.client.model.PixelContext;
import io.github.tiktokevents.client.model.PixelContextUser;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HappyPathTest {
    private static TikTokEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TikTokEmulator.builder().accessToken("happy-token").build().start();
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
    void acceptsAnEventsApi2Request() throws Exception {
        String email = sha256("jane@example.com");
        ApiResponse<TikTokResponse> response = eventApi(emulator).eventTrackWithHttpInfo("v1.3", webRequest(
                event("ViewContent", "view-1"),
                event("Purchase", "order-1")
                        .user(new EventUser().email(new HashedIdentifiers(email)).ip("13.57.97.131"))
                        .properties(new EventProperties().currency("USD").value(25.5).addContentsItem(
                                new Content().contentId("sku-1").contentType(ContentType.PRODUCT).quantity(2)))));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getData().getCode()).isZero();
        assertThat(response.getData().getMessage()).isEqualTo("OK");
        assertThat(response.getData().getRequestId()).hasSize(34);
        assertThat(response.getHeaders().get("x-tt-logid")).containsExactly(response.getData().getRequestId());

        List<RecordedEvent> events = emulator.events();
        assertThat(events).extracting(RecordedEvent::eventName).containsExactly("ViewContent", "Purchase");
        RecordedEvent purchase = events.get(1);
        assertThat(purchase.endpoint()).isEqualTo(Endpoint.EVENT_TRACK);
        assertThat(purchase.eventSourceId()).isEqualTo(PIXEL);
        assertThat(purchase.eventId()).isEqualTo("order-1");
        assertThat(purchase.index()).isEqualTo(1);
        assertThat(purchase.accepted()).isTrue();
        assertThat(purchase.at("/user/email")).hasValue(email);
        assertThat(purchase.at("/properties/value")).hasValue(25.5);
        assertThat(purchase.at("/properties/contents/0/quantity")).hasValue(2L);
        assertThat(purchase.at("/properties/contents/1")).isEmpty();
        assertThat(purchase.json()).contains("\"event_id\":\"order-1\"");

        RecordedRequest request = emulator.requests().get(0);
        assertThat(request.endpoint()).contains(Endpoint.EVENT_TRACK);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/open_api/v1.3/event/track/");
        assertThat(request.code()).hasValue(0);
        assertThat(request.accepted()).isTrue();
        assertThat(request.fault()).isEmpty();
        assertThat(request.requestId()).isEqualTo(response.getData().getRequestId());
        assertThat(request.header("access-token")).hasValue(RecordedRequest.REDACTED);
        assertThat(request.headers().toString()).doesNotContain("happy-token");
        assertThat(request.body()).contains("\"event_source\":\"web\"");
    }

    @Test
    void acceptsAPixelTrackRequest() throws Exception {
        TikTokResponse response = eventApi(emulator).pixelTrack("v1.3", new PixelTrackRequest()
                .pixelCode(PIXEL).event("AddToCart").eventId("cart-1").testEventCode("TEST123")
                .timestamp(OffsetDateTime.now(ZoneOffset.ofHours(-3)).withNano(0))
                .context(new PixelContext().page(new Page().url("https://shop.example"))
                        .user(new PixelContextUser().email(sha256("a@b.c")))));

        assertThat(response.getCode()).isZero();
        RecordedEvent event = emulator.events(Endpoint.PIXEL_TRACK).get(0);
        assertThat(event.eventName()).isEqualTo("AddToCart");
        assertThat(event.eventSourceId()).isEqualTo(PIXEL);
        // the request-level fields stay in the request body, not in the event
        assertThat(event.fields()).doesNotContainKeys("pixel_code", "test_event_code");
        assertThat(emulator.requests().get(0).body()).contains("TEST123");
    }

    @Test
    void acceptsAPixelBatchRequest() throws Exception {
        TikTokResponse response = eventApi(emulator).pixelBatch("v1.3", new PixelBatchRequest().pixelCode(PIXEL)
                .addBatchItem(new PixelBatchEvent().type(PixelBatchEvent.TypeEnum.TRACK).event("ViewContent").eventId("b1")
                        .context(new PixelContext().page(new Page().url("https://shop.example"))))
                .addBatchItem(new PixelBatchEvent().type(PixelBatchEvent.TypeEnum.TRACK).event("AddToCart").eventId("b2")
                        .context(new PixelContext().page(new Page().url("https://shop.example")))));

        assertThat(response.getCode()).isZero();
        assertThat(emulator.events(Endpoint.PIXEL_BATCH)).extracting(RecordedEvent::eventId).containsExactly("b1", "b2");
        assertThat(emulator.events(Endpoint.EVENT_TRACK)).isEmpty();
    }

    @Test
    void givesEveryRequestAFreshRequestId() throws Exception {
        String first = eventApi(emulator).eventTrack("v1.3", webRequest(event("ViewContent", "1"))).getRequestId();
        String second = eventApi(emulator).eventTrack("v1.3", webRequest(event("ViewContent", "2"))).getRequestId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void acceptsOtherApiVersionsAndAPathWithoutTrailingSlash() {
        String body = "{\"event_source\":\"web\",\"event_source_id\":\"P\",\"data\":[{\"event\":\"A\",\"page\":{\"url\":\"https://shop.example\"},\"event_time\":1}]}";
        Clients.Answer answer = Clients.send(new okhttp3.Request.Builder()
                .url(emulator.baseUrl() + "/open_api/v1.2/event/track")
                .header("Access-Token", "happy-token")
                .post(okhttp3.RequestBody.create(body, Clients.JSON)).build());

        assertThat(answer.code()).isZero();
    }
}
