package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Builds the README's quick-start event through the SDK: validation, normalisation and hashing included. */
final class QuickStartEvent {
    /**
     * The README's day as "now": its 2023 event is then not older than 28 days, so no age warning is logged inside
     * the measurement (the shared rules warn about old web events).
     */
    private static final EventDefaults README_DAY = EventDefaults.standard()
            .withClock(Clock.fixed(Instant.parse("2023-02-01T12:00:00Z"), ZoneOffset.UTC));

    private QuickStartEvent() {
    }

    static Event build(String eventId) {
        return Event.builder("ViewContent", README_DAY)
                .eventId(eventId)
                .epochSeconds(1675220400L)
                .user(User.builder()
                        .email(QuickStartJson.EMAIL).phone(QuickStartJson.PHONE).externalId(QuickStartJson.EXTERNAL_ID)
                        .ttp(QuickStartJson.TTP).ttclid(QuickStartJson.TTCLID)
                        .ip(QuickStartJson.IP).userAgent(QuickStartJson.USER_AGENT)
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
}
