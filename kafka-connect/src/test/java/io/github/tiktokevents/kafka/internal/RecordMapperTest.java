package io.github.tiktokevents.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.kafka.TikTokSinkConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordMapperTest {
    private static final long RECORD_TIME = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();

    @Test
    void aRecordShapedLikeTikToksEventMapsWithTheDefaults() {
        Map<String, Object> value = Map.of(
                "event", "Purchase",
                "event_time", 1_764_496_800L,
                "event_id", "order-42",
                "user", Map.of("email", " Jane@Example.com ", "ip", "13.57.97.131"),
                "properties", Map.of("currency", "EUR", "value", "25.50",
                        "contents", List.of(Map.of("content_id", "sku-1", "price", 12.75, "quantity", 2))),
                "page", Map.of("url", "https://shop.example.com/checkout"));

        Event event = mapper(Map.of()).map(record(value, 5));

        assertThat(event.name()).isEqualTo("Purchase");
        assertThat(event.eventId()).isEqualTo("order-42");
        assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(1_764_496_800L));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(sha256("jane@example.com"));
        assertThat(event.user().orElseThrow().ip()).hasValue("13.57.97.131");
        assertThat(event.properties().orElseThrow().currency()).hasValue("EUR");
        assertThat(event.properties().orElseThrow().value()).hasValue(25.5);
        Content content = event.properties().orElseThrow().contents().get(0);
        assertThat(content.contentId()).hasValue("sku-1");
        assertThat(content.quantity()).hasValue(2);
        assertThat(event.page().orElseThrow().url()).hasValue("https://shop.example.com/checkout");
    }

    @Test
    void withoutAnIdFieldTheEventIdIsTopicPartitionOffsetAndStableAcrossResends() {
        Map<String, Object> value = Map.of("event", "ViewContent", "page", Map.of("url", "https://x.example"));

        Event first = mapper(Map.of()).map(record(value, 77));
        Event again = mapper(Map.of()).map(record(value, 77));

        assertThat(first.eventId()).isEqualTo("conversions-3-77").isEqualTo(again.eventId());
    }

    @Test
    void declarativeMappingReadsNestedFieldsAndPassesDigestsThrough() {
        String digest = sha256("+15551234567");
        Map<String, Object> value = Map.of(
                "type", "CompletePayment",
                "ts", "2026-11-30T09:00:00Z",
                "order", Map.of("id", "o-9", "total", 99, "currency", "USD", "items", List.of(Map.of("sku", "A", "qty", 3))),
                "customer", Map.of("phone_sha256", digest, "ids", List.of("c-1", "c-2")),
                "url", "https://shop.example.com/");
        Map<String, String> settings = new HashMap<>();
        settings.put(TikTokSinkConfig.EVENT_NAME_FIELD, "type");
        settings.put(TikTokSinkConfig.EVENT_TIME_FIELD, "ts");
        settings.put(TikTokSinkConfig.EVENT_ID_FIELD, "order.id");
        settings.put(TikTokSinkConfig.USER, "phone=customer.phone_sha256, external_id=customer.ids");
        settings.put(TikTokSinkConfig.PROPERTIES, "value=order.total,currency=order.currency,order_id=order.id,channel=order.channel");
        settings.put(TikTokSinkConfig.CONTENTS_FIELD, "order.items");
        settings.put(TikTokSinkConfig.CONTENT, "content_id=sku,quantity=qty");
        settings.put(TikTokSinkConfig.PAGE, "url=url");

        Event event = mapper(settings).map(record(value, 1));

        assertThat(event.name()).isEqualTo("CompletePayment");
        assertThat(event.eventId()).isEqualTo("o-9");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(event.user().orElseThrow().hashedPhones()).containsExactly(digest);
        assertThat(event.user().orElseThrow().hashedExternalIds()).containsExactly(sha256("c-1"), sha256("c-2"));
        assertThat(event.properties().orElseThrow().orderId()).hasValue("o-9");
        assertThat(event.properties().orElseThrow().contents().get(0).contentId()).hasValue("A");
        assertThat(event.properties().orElseThrow().contents().get(0).quantity()).hasValue(3);
    }

    @Test
    void structsMapLikeMaps() {
        Schema user = SchemaBuilder.struct().field("email", Schema.STRING_SCHEMA).build();
        Schema page = SchemaBuilder.struct().field("url", Schema.STRING_SCHEMA).build();
        Schema schema = SchemaBuilder.struct()
                .field("event", Schema.STRING_SCHEMA)
                .field("event_time", Schema.INT64_SCHEMA)
                .field("user", user)
                .field("page", page)
                .build();
        Struct value = new Struct(schema)
                .put("event", "AddToCart")
                .put("event_time", RECORD_TIME)
                .put("user", new Struct(user).put("email", "a@b.example"))
                .put("page", new Struct(page).put("url", "https://b.example"));
        SinkRecord record = new SinkRecord("conversions", 0, null, null, schema, value, 3, RECORD_TIME,
                TimestampType.CREATE_TIME);

        Event event = mapper(Map.of()).map(record);

        assertThat(event.name()).isEqualTo("AddToCart");
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(RECORD_TIME));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(sha256("a@b.example"));
        assertThat(event.page().orElseThrow().url()).hasValue("https://b.example");
    }

    @Test
    void withoutATimeTheRecordTimestampIsUsedSoResendsKeepTheirTime() {
        Map<String, Object> value = Map.of("event", "ViewContent", "page", Map.of("url", "https://x.example"));

        Event event = mapper(Map.of()).map(record(value, 1));

        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(RECORD_TIME));
    }

    @Test
    void unmappableRecordsSayWhyWithoutTheirValues() {
        RecordMapper mapper = mapper(Map.of());
        Map<String, Object> noName = Map.of("page", Map.of("url", "https://x.example"));
        Map<String, Object> noPage = Map.of("event", "ViewContent");
        Map<String, Object> badEmail = Map.of("event", "ViewContent", "page", Map.of("url", "https://x.example"),
                "user", Map.of("email", "secret-person-not-an-email"));
        Map<String, Object> badValue = Map.of("event", "Purchase", "page", Map.of("url", "https://x.example"),
                "properties", Map.of("value", "lots"));

        assertThatThrownBy(() -> mapper.map(record(noName, 1))).isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("event name field 'event' is missing");
        assertThatThrownBy(() -> mapper.map(record(noPage, 1))).hasMessageContaining("page");
        assertThatThrownBy(() -> mapper.map(record(badEmail, 1))).hasMessageContaining("user.email")
                .message().doesNotContain("secret-person");
        assertThatThrownBy(() -> mapper.map(record(badValue, 1))).hasMessageContaining("properties.value")
                .message().doesNotContain("lots");
        assertThatThrownBy(() -> mapper.map(record(null, 1))).hasMessageContaining("tombstone");
        Map<String, Object> notANumber = Map.of("event", "Purchase", "page", Map.of("url", "https://x.example"),
                "user", Map.of("external_id", Double.NaN));
        assertThatThrownBy(() -> mapper.map(record(notANumber, 1))).isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("user.external_id must be text or a finite number");
        assertThatThrownBy(() -> mapper.map(record("{\"event\":\"x\"}", 1)))
                .hasMessageContaining("String, not a map or Struct");
        // a map keyed by data (customers' emails): the path shows <key>, not the email
        Map<String, Object> keyedByEmail = Map.of("event", "Purchase", "page", Map.of("url", "https://x.example"),
                "properties", Map.of("contents", List.of(Map.of("content_id", "sku-1",
                        "customers", Map.of("jane.doe@example.com", new Object())))));
        assertThatThrownBy(() -> mapper.map(record(keyedByEmail, 1))).isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("customers.<key>").message().doesNotContain("jane");
    }

    @Test
    void aFixedEventNameFillsRecordsWithoutOne() {
        Map<String, Object> value = Map.of("page", Map.of("url", "https://x.example"));

        Event event = mapper(Map.of(TikTokSinkConfig.EVENT_NAME, "PageView")).map(record(value, 1));

        assertThat(event.name()).isEqualTo("PageView");
    }

    @Test
    void theSourceComesFromTheConfiguration() {
        Map<String, Object> value = Map.of("event", "Purchase", "user", Map.of("phone", "+15551234567"));

        Event event = mapper(Map.of(TikTokSinkConfig.EVENT_SOURCE, "offline")).map(record(value, 1));

        assertThat(event.source()).isEqualTo(EventSource.OFFLINE);
    }

    static RecordMapper mapper(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(TikTokSinkConfig.ACCESS_TOKEN, "token");
        settings.put(TikTokSinkConfig.EVENT_SOURCE_ID, "CE3VQJJC77U1234ABCD0");
        settings.putAll(overrides);
        return new RecordMapper(new TikTokSinkConfig(settings).mappingRules());
    }

    private static SinkRecord record(Object value, long offset) {
        return new SinkRecord("conversions", 3, null, null, null, value, offset, RECORD_TIME,
                TimestampType.CREATE_TIME);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
