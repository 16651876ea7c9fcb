package io.github.tiktokevents.spring;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;

/** The tests' event: a web Purchase with the given id. */
final class Purchases {
    private Purchases() {
    }

    static Event purchase(String eventId) {
        return Event.builder(EventNames.PURCHASE)
                .eventId(eventId)
                .page(Page.of("https://shop.example/checkout"))
                .user(User.builder().email("buyer@example.com").ip("13.57.97.131").build())
                .properties(Properties.builder().currency("EUR").value(19.99).build())
                .build();
    }
}
