package io.github.tiktokevents.outbox.jdbc;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.User;

/** Small valid events, numbered, for the outbox's tests and its crash test's children. */
final class TestEvents {
    private TestEvents() {
    }

    static Event web(String eventId) {
        return Event.builder(EventNames.VIEW_CONTENT)
                .eventId(eventId)
                .user(User.builder().email("visitor@example.com").ip("13.57.97.131").build())
                .page(Page.of("https://www.example.com/products/" + eventId))
                .build();
    }

    static Event crm(String eventId) {
        return Event.builder("LeadQualified")
                .source(EventSource.CRM)
                .eventId(eventId)
                .lead(Lead.of("7181537674010017795", "HubSpot"))
                .user(User.builder().email("lead@example.com").build())
                .build();
    }
}
