package io.github.tiktokevents.emulator;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The SDK's facade pointed at an emulator (with the HTTP client it makes itself), and the README's quick-start event. */
final class FacadeClients {
    private FacadeClients() {
    }

    static TikTokEvents facade(TikTokEmulator emulator, ApiEdition edition) {
        return facade(emulator, edition, emulator.accessToken());
    }

    static TikTokEvents facade(TikTokEmulator emulator, ApiEdition edition, String token) {
        return TikTokEvents.builder()
                .baseUrl(emulator.baseUrl())
                .accessToken(token)
                .pixelCode(Clients.PIXEL)
                .apiEdition(edition)
                .retryPolicy(RetryPolicy.none()) // each test maps exactly one answer; retries are tested on their own
                .build();
    }

    /** Events of the README's day judged on that day: none is "older than 28 days" (a warning, logged). */
    static final EventDefaults README_DAY = EventDefaults.standard()
            .withClock(Clock.fixed(Instant.parse("2023-02-01T12:00:00Z"), ZoneOffset.UTC));

    /** The README's ViewContent event, as its quick start builds it. */
    static Event quickStartEvent() {
        return Event.builder(EventNames.VIEW_CONTENT, README_DAY)
                .eventId("123456789")
                .timestamp("2023-02-01T00:00:00-03:00")
                .user(User.builder()
                        .email("test@test.com")
                        .phone("+5541998862934")
                        .externalId("123456")
                        .ttp("mock_ttp")
                        .ttclid("mock_ttclid")
                        .ip("13.57.97.131")
                        .userAgent("Mozilla/5.0 (quick start)")
                        .build())
                .page(Page.of("https://www.example.com", "https://www.google.com"))
                .properties(Properties.builder()
                        .currency("BRL").value(1.00)
                        .description("mock description").query("mock query")
                        .addContent(Content.builder()
                                .contentType(ContentType.PRODUCT)
                                .contentId("123456789")
                                .contentName("mock content name")
                                .contentCategory("mock content category")
                                .price(1.00).quantity(1)
                                .build())
                        .build())
                .build();
    }
}
