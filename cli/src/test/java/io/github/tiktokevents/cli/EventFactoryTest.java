package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFactoryTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final EventDefaults DEFAULTS = EventDefaults.standard().withClock(CLOCK);

    @Test
    void commonHeaderNamesFeedTheirFieldsAndPersonalDataIsHashedBySdk() throws Exception {
        Event event = factory(EventSource.OFFLINE, null).toEvent(row(
                "Event Name", "CompletePayment", "Order Date", "2026-11-30T10:00:00Z", "E-Mail Address",
                " Jane.Doe@Example.com ", "Phone Number", "+1 (415) 555-0101", "Amount", "59.90", "Currency", "USD",
                "Order Number", "ORD-1"));

        assertThat(event.name()).isEqualTo("CompletePayment");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(sha256("jane.doe@example.com"));
        assertThat(event.user().orElseThrow().hashedPhones()).containsExactly(sha256("+14155550101"));
        assertThat(event.properties().orElseThrow().value()).hasValue(59.90);
        assertThat(event.properties().orElseThrow().orderId()).hasValue("ORD-1");
    }

    @Test
    void alreadyHashedValuesPassUnchanged() throws Exception {
        String hashed = sha256("jane.doe@example.com");
        Event event = factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", "1796040000",
                "email", hashed.toUpperCase()));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(hashed);
    }

    @Test
    void explicitMappingWinsOverDefaultNames() {
        FieldMapping mapping = FieldMapping.of(null, Map.of("email", "work_mail", "event_time", "when"));
        EventFactory factory = new EventFactory(EventSource.OFFLINE, "Purchase", DEFAULTS, mapping, window(true));
        Event event = factory.toEvent(row("when", "1796040000", "email", "not-used", "work_mail", "a@b.co"));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(sha256Quiet("a@b.co"));
    }

    @Test
    void nestedJsonKeysFeedFieldsByTheirLastPartUnlessAColumnHasTheFullName() throws Exception {
        Event event = factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", "1796040000",
                "user.email", "a@b.co", "properties.order_id", "ORD-9"));
        assertThat(event.user().orElseThrow().hashedEmails()).containsExactly(sha256("a@b.co"));
        assertThat(event.properties().orElseThrow().orderId()).hasValue("ORD-9");
        Event both = factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", "1796040000",
                "user.email", "a@b.co", "email", "c@d.co"));
        assertThat(both.user().orElseThrow().hashedEmails()).containsExactly(sha256("c@d.co"));
    }

    @Test
    void eventIdsAreDeterministicPerSourceAndRowAndIgnoreTheRejectColumns() {
        Map<String, String> fields = fields("event_time", "1796040000", "email", "a@b.co", "value", "1", "currency", "USD");
        Map<String, String> asRejected = new LinkedHashMap<>(fields);
        asRejected.put("tiktok_reject_message", "was refused");
        String offline = factory(EventSource.OFFLINE, "Purchase").toEvent(row(fields)).eventId();

        assertThat(factory(EventSource.OFFLINE, "Purchase").toEvent(row(fields)).eventId()).isEqualTo(offline)
                .matches("[0-9a-f]{64}");
        assertThat(factory(EventSource.OFFLINE, "Purchase").toEvent(row(asRejected)).eventId()).isEqualTo(offline);
        assertThat(factory(EventSource.CRM, "Purchase").toEvent(row(withLead(fields))).eventId()).isNotEqualTo(offline);
        Map<String, String> other = new LinkedHashMap<>(fields);
        other.put("value", "2");
        assertThat(factory(EventSource.OFFLINE, "Purchase").toEvent(row(other)).eventId()).isNotEqualTo(offline);
    }

    @Test
    void anIdColumnIsUsedAsTheEventId() {
        assertThat(factory(EventSource.OFFLINE, "Purchase")
                .toEvent(row("event_time", "1796040000", "event_id", "order-77")).eventId()).isEqualTo("order-77");
    }

    @Test
    void eventTimesAreReadInTheUsualForms() {
        EventDefaults paris = DEFAULTS.withDefaultZone(ZoneId.of("Europe/Paris"));
        EventFactory factory = new EventFactory(EventSource.OFFLINE, "Purchase", paris,
                FieldMapping.of(null, null), window(true));
        assertThat(time(factory, "1796040000")).isEqualTo(Instant.ofEpochSecond(1796040000));
        assertThat(time(factory, "1796040000123")).isEqualTo(Instant.ofEpochMilli(1796040000123L));
        assertThat(time(factory, "2026-11-30T10:00:00+01:00")).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(time(factory, "2026-11-30 10:00:00")).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(time(factory, "2026-11-30")).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", "2026-11-30")))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("--zone");
    }

    @Test
    void offlineEventsOlderThan28DaysOrInTheFutureAreRefusedUnlessTheWindowIsOverridden() {
        String old = Long.toString(NOW.minusSeconds(29L * 86400).getEpochSecond());
        String tenDays = Long.toString(NOW.minusSeconds(10L * 86400).getEpochSecond());
        String future = Long.toString(NOW.plusSeconds(3600).getEpochSecond());
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", old)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("28 days");
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase").toEvent(row("event_time", future)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("future");
        // the tool's own, stricter window can be overridden ...
        EventFactory weekly = new EventFactory(EventSource.OFFLINE, "Purchase", DEFAULTS, FieldMapping.of(null, null),
                new TimeWindow(CLOCK, Duration.ofDays(7), "--max-age-days", true));
        assertThatThrownBy(() -> weekly.toEvent(row("event_time", tenDays)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("--max-age-days");
        EventFactory overridden = new EventFactory(EventSource.OFFLINE, "Purchase", DEFAULTS,
                FieldMapping.of(null, null), window(false));
        assertThat(overridden.toEvent(row("event_time", tenDays)).time().getEpochSecond())
                .isEqualTo(Long.parseLong(tenDays));
        // ... TikTok's 28 days, which the SDK enforces, cannot
        assertThatThrownBy(() -> overridden.toEvent(row("event_time", old)))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("28 days");
        // web events have no age limit by default
        EventFactory web = new EventFactory(EventSource.WEB, "Purchase", DEFAULTS, FieldMapping.of(null, null),
                new TimeWindow(CLOCK, null, "", true));
        assertThat(web.toEvent(row("event_time", old, "url", "https://shop.example/")).time()).isNotNull();
    }

    @Test
    void aRowWithoutATimeIsRefusedUnlessItMaySayNow() {
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase").toEvent(row("email", "a@b.co")))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("event_time");
        EventFactory undatedNow = new EventFactory(EventSource.OFFLINE, "Purchase", DEFAULTS,
                FieldMapping.of(null, null), new TimeWindow(CLOCK, TimeWindow.OFFLINE_MAX_AGE, "", true, true));
        assertThat(undatedNow.toEvent(row("email", "a@b.co")).time()).isEqualTo(NOW);
    }

    @Test
    void problemsNameTheFieldButNeverTheValue() {
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase")
                .toEvent(row("event_time", "1796040000", "email", "secret-person.example.com")))
                .isInstanceOf(RowRejectedException.class)
                .satisfies(e -> assertThat(((RowRejectedException) e).field()).isEqualTo("user.email"))
                .message().doesNotContain("secret-person");
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, "Purchase")
                .toEvent(row("event_time", "1796040000", "amount", "12,50 EUR")))
                .hasMessage("properties.value: is not a number");
        assertThatThrownBy(() -> factory(EventSource.OFFLINE, null).toEvent(row("event_time", "1796040000")))
                .hasMessageStartingWith("event: is missing");
    }

    static EventFactory factory(EventSource source, String eventName) {
        return new EventFactory(source, eventName, DEFAULTS, FieldMapping.of(null, null), window(true));
    }

    static TimeWindow window(boolean enforced) {
        return new TimeWindow(CLOCK, TimeWindow.OFFLINE_MAX_AGE, "the offline window", enforced);
    }

    static Instant time(EventFactory factory, String cell) {
        return factory.toEvent(row("event_time", cell)).time();
    }

    static Map<String, String> withLead(Map<String, String> fields) {
        Map<String, String> crm = new LinkedHashMap<>(fields);
        crm.put("lead_id", "L-1");
        return crm;
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static Row row(String... namesAndValues) {
        return row(fields(namesAndValues));
    }

    static Row row(Map<String, String> fields) {
        return new Row(0, fields, List.copyOf(fields.values()), null, null);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Quiet(String text) {
        try {
            return sha256(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
