package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.github.tiktokevents.event.AttStatus;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.DeliveryCategory;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the spec-generated model adds: the fields the hand-written model could not send, additional fields on every
 * object through every way of sending, and open enumerations.
 */
class SpecDrivenModelTest {
    @RegisterExtension
    final MockTikTok tiktok = MockTikTok.started();


    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Event.Builder web(String name) {
        return Event.builder(name, MockTikTok.DEFAULTS).eventId("e-1").timestamp("2023-02-01T00:00:00-03:00").page(Page.of("https://shop.example"));
    }

    @Test
    void theNineFieldsTheHandWrittenModelCouldNotSendReachTheWire() throws Exception {
        Event event = web("CompletePayment")
                .user(User.builder().attStatus(AttStatus.AUTHORIZED).firstName(" Jane ").lastName("DOE")
                        .zipCode("SW1A 1AA").city("london").state("ldn").country("gb").leadId("L-1").build())
                .properties(Properties.builder().deliveryCategory(DeliveryCategory.HOME_DELIVERY).build())
                .build();
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answerOk();
            client.send(event);
        }
        JsonObject sent = MockTikTok.json(tiktok.take()).getAsJsonArray("data").get(0).getAsJsonObject();
        JsonObject user = sent.getAsJsonObject("user");
        assertThat(user.get("att_status").getAsString()).isEqualTo("AUTHORIZED");
        assertThat(user.get("first_name").getAsString()).isEqualTo(sha256("jane"));
        assertThat(user.get("last_name").getAsString()).isEqualTo(sha256("doe"));
        assertThat(user.get("zip_code").getAsString()).isEqualTo(sha256("sw1a1aa"));
        assertThat(user.get("city").getAsString()).isEqualTo("london");
        assertThat(user.get("state").getAsString()).isEqualTo("ldn");
        assertThat(user.get("country").getAsString()).isEqualTo("gb");
        assertThat(user.get("lead_id").getAsString()).isEqualTo("L-1");
        assertThat(sent.getAsJsonObject("properties").get("delivery_category").getAsString()).isEqualTo("home_delivery");
        assertThat(event.user().orElseThrow().toString()).doesNotContain("Jane", "DOE", "SW1A", "london");
    }

    @Test
    void additionalFieldsTravelThroughSendSendBatchAndTheProcessorInBothEditions() throws Exception {
        Event event = web("Purchase")
                .putAdditionalField("order_channel", "app")
                .user(User.builder().email("jane@example.com")
                        .putAdditionalHashedField("date_of_birth", " 1990-01-01 ", "text").build())
                .properties(Properties.builder().value(new BigDecimal("10.5").doubleValue()).currency("USD")
                        .putAdditionalField("coupon", Map.of("code", "SPRING", "percent", 10))
                        .addContent(Content.builder().contentId("sku-1").putAdditionalField("status", "in_stock").build())
                        .build())
                .build();
        String dateOfBirth = sha256("1990-01-01");

        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answerOk();
            client.send(event);
            assertEventsApi2(MockTikTok.json(tiktok.take()), dateOfBirth);

            tiktok.answerOk();
            assertThat(client.sendBatch(List.of(event)).allSucceeded()).isTrue();
            assertEventsApi2(MockTikTok.json(tiktok.take()), dateOfBirth);

            tiktok.answerOk();
            EventProcessor processor = client.processor(ProcessorOptions.builder().build());
            assertThat(processor.enqueue(event)).isTrue();
            processor.flush();
            assertEventsApi2(MockTikTok.json(tiktok.take()), dateOfBirth);
        }
        try (TikTokEvents client = tiktok.clientBuilder().apiEdition(ApiEdition.PIXEL_V1).build()) {
            tiktok.answerOk();
            client.send(event);
            JsonObject pixel = MockTikTok.json(tiktok.take());
            assertThat(pixel.get("order_channel").getAsString()).isEqualTo("app");
            assertThat(pixel.getAsJsonObject("context").getAsJsonObject("user").get("date_of_birth").getAsString())
                    .isEqualTo(dateOfBirth);
            JsonObject content = pixel.getAsJsonObject("properties").getAsJsonArray("contents").get(0).getAsJsonObject();
            assertThat(content.get("status").getAsString()).isEqualTo("in_stock");
        }
    }

    private static void assertEventsApi2(JsonObject body, String dateOfBirth) {
        JsonObject sent = body.getAsJsonArray("data").get(0).getAsJsonObject();
        assertThat(sent.get("order_channel").getAsString()).isEqualTo("app");
        assertThat(sent.getAsJsonObject("user").get("date_of_birth").getAsString()).isEqualTo(dateOfBirth);
        JsonObject properties = sent.getAsJsonObject("properties");
        assertThat(properties.getAsJsonObject("coupon").get("percent").getAsInt()).isEqualTo(10);
        assertThat(properties.getAsJsonArray("contents").get(0).getAsJsonObject().get("status").getAsString())
                .isEqualTo("in_stock");
        assertThat(body.toString()).doesNotContain("1990-01-01");
    }

    @Test
    void additionalFieldsCannotBypassAModelledFieldOrCarryNonJson() {
        assertThatThrownBy(() -> User.builder().putAdditionalField("email", "jane@example.com"))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("user.email").hasMessageContaining("is modelled")
                .hasMessageNotContaining("jane");
        assertThatThrownBy(() -> Properties.builder().putAdditionalField("when", new Object()))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("properties.when");
        // a key chosen from data (an email) is not shown in the path; a field-like key is
        assertThatThrownBy(() -> Properties.builder().putAdditionalField("customers",
                Map.of("jane.doe@example.com", Map.of("score", Double.NaN))))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("properties.customers.<key>.score").hasMessageNotContaining("jane");
        assertThatThrownBy(() -> Properties.builder().putAdditionalField("+14155550123", Double.NaN))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("properties.<key>").hasMessageNotContaining("4155550123");
        assertThatThrownBy(() -> User.builder().putAdditionalHashedField("dob", "1990-01-01", "horoscope"))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("user.dob")
                .hasMessageNotContaining("1990");
        assertThatThrownBy(() -> Event.builder("X").putAdditionalField(" ", 1))
                .isInstanceOf(TikTokValidationException.class);
    }

    @Test
    void anAdditionalFieldNameIsEscapedOnTheWire() throws Exception {
        Event event = web("Purchase").putAdditionalField("we\"ird\\name", "v").build();
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answerOk();
            client.send(event);
        }
        JsonObject sent = MockTikTok.json(tiktok.take()).getAsJsonArray("data").get(0).getAsJsonObject();
        assertThat(sent.get("we\"ird\\name").getAsString()).isEqualTo("v");
    }

    @Test
    void enumerationsAreOpenValuesThatKeepTheirConstants() {
        assertThat(EventSource.of(" web ")).isSameAs(EventSource.WEB);
        assertThat(EventSource.knownValues()).containsExactly(EventSource.WEB, EventSource.APP, EventSource.OFFLINE, EventSource.CRM);
        EventSource miniApp = EventSource.of("mini_app");
        assertThat(miniApp.isKnown()).isFalse();
        assertThat(miniApp).isEqualTo(EventSource.of("mini_app")).hasToString("mini_app");
        assertThat(ContentType.of("product_group")).isSameAs(ContentType.PRODUCT_GROUP);
        assertThat(AttStatus.of("NOT_APPLICABLE")).isSameAs(AttStatus.NOT_APPLICABLE);
        assertThatThrownBy(() -> EventSource.of(" ")).isInstanceOf(TikTokValidationException.class);
    }

    @Test
    void aSourceThisVersionDoesNotListIsSentUnderTheIdGivenForIt() throws Exception {
        EventSource miniApp = EventSource.of("mini_app");
        Event event = Event.builder("Purchase", MockTikTok.DEFAULTS).source(miniApp).eventId("m-1").timestamp("2023-02-01T00:00:00Z").build();

        try (TikTokEvents without = tiktok.clientBuilder().build()) {
            assertThatThrownBy(() -> without.send(event))
                    .isInstanceOf(TikTokConfigurationException.class)
                    .hasMessageContaining("sourceId(EventSource.of(\"mini_app\")");
        }
        try (TikTokEvents client = tiktok.clientBuilder().sourceId(miniApp, "MINI-1").build()) {
            tiktok.answerOk();
            client.send(event);
        }
        JsonObject body = MockTikTok.json(tiktok.take());
        assertThat(body.get("event_source").getAsString()).isEqualTo("mini_app");
        assertThat(body.get("event_source_id").getAsString()).isEqualTo("MINI-1");
    }

    @Test
    void aNewSourceNamedInTwoPlacesIsOneSourceOnEveryPath() throws Exception {
        // EventSource.of makes a new instance for a value this version does not list: equal, not identical
        Event first = Event.builder("Purchase", MockTikTok.DEFAULTS).source(EventSource.of("mini_app")).eventId("m-1")
                .timestamp("2023-02-01T00:00:00Z").build();
        Event second = Event.builder("Purchase", MockTikTok.DEFAULTS).source(EventSource.of("mini_app")).eventId("m-2")
                .timestamp("2023-02-01T00:00:00Z").build();

        try (TikTokEvents client = tiktok.clientBuilder().sourceId(EventSource.of("mini_app"), "MINI-1").build()) {
            tiktok.answerOk();
            assertThat(client.sendBatch(List.of(first, second)).allSucceeded()).isTrue();
            assertThat(MockTikTok.json(tiktok.take()).getAsJsonArray("data")).hasSize(2);

            tiktok.answerOk();
            try (EventProcessor processor = client.processor(ProcessorOptions.builder().maxDelay(Duration.ofHours(1))
                    .build())) {
                assertThat(processor.enqueue(first)).isTrue();
                assertThat(processor.enqueue(second)).isTrue();
                assertThat(processor.flush(Duration.ofSeconds(10))).isTrue();
            }
            assertThat(MockTikTok.json(tiktok.take()).getAsJsonArray("data")).hasSize(2);
        }
    }

    @Test
    void theSpecsKeywordsAreChecked() {
        assertThatThrownBy(() -> Properties.builder().currency("EURO"))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("properties.currency");
        assertThat(Properties.builder().currency(" usd ").build().currency()).hasValue("USD");
        assertThatThrownBy(() -> Content.builder().quantity(-1))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("properties.contents[].quantity");
        assertThatThrownBy(() -> Properties.builder().value(Double.NaN))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("properties.value");
        assertThatThrownBy(() -> io.github.tiktokevents.event.App.builder().appName("x").build())
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("app.app_id");
    }
}
