package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.PIXEL;
import static io.github.tiktokevents.emulator.Clients.sha256;
import static io.github.tiktokevents.emulator.FacadeClients.facade;
import static io.github.tiktokevents.emulator.FacadeClients.quickStartEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's facade sends the README's event through each endpoint, and the emulator takes it as TikTok would. */
@ExtendWith(TikTokEmulatorExtension.class)
class FacadeHappyPathTest {
    // digests of the normalised values: lower-cased email, E.164 phone, trimmed external id
    private static final String EMAIL = sha256("test@test.com");
    private static final String PHONE = sha256("+5541998862934");
    private static final String EXTERNAL_ID = sha256("123456");

    @Test
    void theQuickStartEventArrivesAtEventsApi2WithItsHashedValues(TikTokEmulator emulator) {
        try (TikTokEvents tiktok = facade(emulator, ApiEdition.EVENTS_V2)) {
            SendResult result = tiktok.send(quickStartEvent());

            RecordedRequest request = emulator.requests().get(0);
            assertThat(result.code()).isZero();
            assertThat(result.requestId()).isEqualTo(request.requestId());
            assertThat(request.endpoint()).hasValue(Endpoint.EVENT_TRACK);
            assertThat(request.accepted()).isTrue();

            RecordedEvent event = emulator.events().get(0);
            assertThat(event.eventSourceId()).isEqualTo(PIXEL);
            assertThat(event.eventName()).isEqualTo("ViewContent");
            assertThat(event.eventId()).isEqualTo("123456789");
            assertThat(event.at("/event_time")).hasValue(1675220400L);
            assertThat(event.at("/user/email")).hasValue(EMAIL);
            assertThat(event.at("/user/phone")).hasValue(PHONE);
            assertThat(event.at("/user/external_id")).hasValue(EXTERNAL_ID);
            assertThat(event.at("/user/ip")).hasValue("13.57.97.131");
            assertThat(event.at("/user/ttp")).hasValue("mock_ttp");
            assertThat(event.at("/user/ttclid")).hasValue("mock_ttclid");
            assertThat(event.at("/page/url")).hasValue("https://www.example.com");
            assertThat(event.at("/page/referrer")).hasValue("https://www.google.com");
            assertThat(event.at("/properties/currency")).hasValue("BRL");
            assertThat(event.at("/properties/value")).hasValue(1.0);
            assertThat(event.at("/properties/contents/0/content_type")).hasValue("product");
            assertThat(event.at("/properties/contents/0/content_id")).hasValue("123456789");
            assertThat(event.at("/properties/contents/0/quantity")).hasValue(1L);
            assertThat(request.body()).doesNotContain("test@test.com", "5541998862934", "\"123456\"");
        }
    }

    @Test
    void theQuickStartEventArrivesAtThePixelTrackEndpoint(TikTokEmulator emulator) {
        try (TikTokEvents tiktok = facade(emulator, ApiEdition.PIXEL_V1)) {
            SendResult result = tiktok.send(quickStartEvent());

            RecordedRequest request = emulator.requests().get(0);
            assertThat(result.code()).isZero();
            assertThat(result.requestId()).isEqualTo(request.requestId());
            assertThat(request.endpoint()).hasValue(Endpoint.PIXEL_TRACK);
            assertThat(request.accepted()).isTrue();
            assertPixelEvent(emulator.events().get(0));
        }
    }

    @Test
    void aBatchArrivesAtThePixelBatchEndpointInOrder(TikTokEmulator emulator) {
        Event second = Event.builder("Purchase", FacadeClients.README_DAY).eventId("order-2").timestamp("2023-02-01T00:00:01-03:00")
                .page(Page.of("https://www.example.com/checkout")).build();
        try (TikTokEvents tiktok = facade(emulator, ApiEdition.PIXEL_V1)) {
            BatchResult batch = tiktok.sendBatch(List.of(quickStartEvent(), second));

            assertThat(batch.allSucceeded()).isTrue();
            assertThat(emulator.requests()).singleElement().satisfies(request -> {
                assertThat(request.endpoint()).hasValue(Endpoint.PIXEL_BATCH);
                assertThat(request.accepted()).isTrue();
                assertThat(batch.chunks().get(0).result().orElseThrow().requestId()).isEqualTo(request.requestId());
            });
            assertThat(emulator.events()).extracting(RecordedEvent::eventId).containsExactly("123456789", "order-2");
            assertThat(emulator.events()).extracting(RecordedEvent::eventSourceId).containsOnly(PIXEL);
            assertPixelEvent(emulator.events().get(0));
        }
    }

    private static void assertPixelEvent(RecordedEvent event) {
        assertThat(event.eventName()).isEqualTo("ViewContent");
        assertThat(event.eventId()).isEqualTo("123456789");
        assertThat(event.at("/timestamp")).hasValueSatisfying(timestamp ->
                assertThat(OffsetDateTime.parse((String) timestamp).toEpochSecond()).isEqualTo(1675220400L));
        assertThat(event.at("/context/user/email")).hasValue(EMAIL);
        assertThat(event.at("/context/user/phone_number")).hasValue(PHONE);
        assertThat(event.at("/context/user/external_id")).hasValue(EXTERNAL_ID);
        assertThat(event.at("/context/ip")).hasValue("13.57.97.131");
        assertThat(event.at("/context/page/url")).hasValue("https://www.example.com");
        assertThat(event.at("/properties/contents/0/content_type")).hasValue("product");
        assertThat(event.at("/properties/currency")).hasValue("BRL");
    }
}
