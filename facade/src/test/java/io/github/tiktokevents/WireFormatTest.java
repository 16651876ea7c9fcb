package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.internal.wire.EventWire;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact JSON TikTok receives for the issue's example, and the headers around it. */
class WireFormatTest {
    static final String EMAIL_SHA = "f660ab912ec121d1b1e928a0bb4bc61b15f5ad44d5efdc4e1c92a25e99b8e44a";
    static final String PHONE_SHA = "e379a7879266c54b8876bcb2bba6401cc5a3035dcd97b3a7846ed28ea0ca3360";
    static final String EXTERNAL_ID_SHA = "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92";
    static final String TTCLID = "E.C.P.v3fQ2RHacdkfKfofPmlyuStIIHJ4Af1tKYxF9zz2c2PLx1Oaw15oHpcfl5AH";

    MockTikTok tiktok;
    TikTokEvents client;

    @BeforeEach
    void start() throws Exception {
        tiktok = new MockTikTok();
        client = tiktok.clientBuilder().build();
    }

    @AfterEach
    void stop() {
        client.close();
        tiktok.close();
    }

    static Event issueExample() {
        return Event.builder("ViewContent", MockTikTok.DEFAULTS)
                .eventId("123456789")
                .timestamp("2023-02-01T00:00:00-03:00")
                .user(User.builder()
                        .email("test@test.com").phone("+5541998862934").externalId("123456")
                        .ttp("94e2a4j9-h3ss-k2h5-98cc-c84a745mk098").ttclid(TTCLID)
                        .ip("13.57.97.131").userAgent("Mozilla/5.0 (X11)")
                        .build())
                .page(Page.of("https://www.example.com", "https://www.google.com"))
                .properties(Properties.builder()
                        .currency("BRL").value(1.00).description("mock description").query("mock query")
                        .addContent(Content.builder().contentType(ContentType.PRODUCT).contentId("123456789")
                                .contentName("mock content name").contentCategory("mock content category")
                                .price(1.00).quantity(1).build())
                        .build())
                .build();
    }

    @Test
    void theIssueExampleProducesExactlyThisEventsApi2Body() throws Exception {
        tiktok.answerOk();

        SendResult result = client.send(issueExample());

        RecordedRequest request = tiktok.take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/open_api/v1.3/event/track/");
        JsonObject expected = JsonParser.parseString("{"
                + "\"event_source\":\"web\",\"event_source_id\":\"" + MockTikTok.PIXEL + "\","
                + "\"data\":[{\"event\":\"ViewContent\",\"event_time\":1675220400,\"event_id\":\"123456789\","
                + "\"user\":{\"email\":\"" + EMAIL_SHA + "\",\"phone\":\"" + PHONE_SHA + "\",\"external_id\":\"" + EXTERNAL_ID_SHA + "\","
                + "\"ttclid\":\"" + TTCLID + "\",\"ttp\":\"94e2a4j9-h3ss-k2h5-98cc-c84a745mk098\","
                + "\"ip\":\"13.57.97.131\",\"user_agent\":\"Mozilla/5.0 (X11)\"},"
                + "\"properties\":{\"contents\":[{\"content_id\":\"123456789\",\"content_type\":\"product\","
                + "\"content_name\":\"mock content name\",\"content_category\":\"mock content category\",\"price\":1.0,\"quantity\":1}],"
                + "\"content_type\":\"product\",\"currency\":\"BRL\",\"value\":1.0,\"query\":\"mock query\",\"description\":\"mock description\"},"
                + "\"page\":{\"url\":\"https://www.example.com\",\"referrer\":\"https://www.google.com\"}}]}").getAsJsonObject();
        assertThat(MockTikTok.json(request)).isEqualTo(expected);
        assertThat(result.code()).isZero();
        assertThat(result.requestId()).isEqualTo("req-ok");
        assertThat(result.isPartial()).isFalse();
    }

    @Test
    void theTokenGoesInTheAccessTokenHeaderAndTheUserAgentNamesTheSdk() throws Exception {
        tiktok.answerOk();
        client.send(issueExample());

        RecordedRequest request = tiktok.take();
        assertThat(request.getHeaders().get("Access-Token")).isEqualTo(MockTikTok.TOKEN);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("User-Agent")).startsWith("tiktok-events-java/0.");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    }

    @Test
    void severalEmailsGoAsAnArrayAndTestEventCodeAndPartnerNameAtTheTop() throws Exception {
        TikTokEvents testing = tiktok.clientBuilder().testEventCode("TEST123").partnerName("Acme").build();
        tiktok.answerOk();
        Event event = Event.builder(EventNames.PURCHASE).page(Page.of("https://shop.example"))
                .user(User.builder().email("a@example.com").email("test@test.com").build()).build();

        testing.send(event);

        JsonObject body = MockTikTok.json(tiktok.take());
        assertThat(body.get("test_event_code").getAsString()).isEqualTo("TEST123");
        assertThat(body.get("partner_name").getAsString()).isEqualTo("Acme");
        JsonObject user = body.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonObject("user");
        assertThat(user.getAsJsonArray("email")).hasSize(2);
        assertThat(user.getAsJsonArray("email").get(1).getAsString()).isEqualTo(EMAIL_SHA);
        testing.close();
    }

    @Test
    void propertiesContentTypeIsLeftOutWhenContentsDisagree() throws Exception {
        tiktok.answerOk();
        Event event = Event.builder("AddToCart").page(Page.of("https://shop.example"))
                .properties(Properties.builder()
                        .addContent(Content.builder().contentId("1").contentType(ContentType.PRODUCT).build())
                        .addContent(Content.builder().contentId("2").contentType(ContentType.PRODUCT_GROUP).build())
                        .build())
                .build();

        client.send(event);

        JsonObject properties = MockTikTok.json(tiktok.take()).getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonObject("properties");
        assertThat(properties.has("content_type")).isFalse();
        assertThat(properties.getAsJsonArray("contents").get(1).getAsJsonObject().get("content_type").getAsString())
                .isEqualTo("product_group");
    }

    @Test
    void anEventWithoutIdOrTimestampGetsAUuidAndTheClockTime() throws Exception {
        tiktok.answerOk();
        Event event = Event.builder("Search", MockTikTok.DEFAULTS).page(Page.of("https://shop.example")).build();

        client.send(event);

        JsonObject data = MockTikTok.json(tiktok.take()).getAsJsonArray("data").get(0).getAsJsonObject();
        assertThat(data.get("event_time").getAsLong()).isEqualTo(MockTikTok.CLOCK.instant().getEpochSecond());
        assertThat(data.get("event_id").getAsString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(data.get("event_id").getAsString()).isEqualTo(event.eventId());
        assertThat(data.has("user")).isFalse();
        assertThat(data.has("properties")).isFalse();
    }

    @Test
    void theEstimatedSizeIsTheSizeOfTheEventInTheBody() throws Exception {
        tiktok.answerOk();
        Event event = issueExample();

        client.sendBatch(List.of(event));

        String body = tiktok.take().getBody().utf8();
        String envelope = "{\"event_source\":\"web\",\"event_source_id\":\"" + MockTikTok.PIXEL + "\",\"data\":[]}";
        assertThat(body.length() - envelope.length()).isEqualTo(EventWire.estimatedSizeBytes(event, ApiEdition.EVENTS_V2) - 1);
    }
}
