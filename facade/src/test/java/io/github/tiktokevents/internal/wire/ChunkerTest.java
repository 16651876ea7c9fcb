package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every event lands in exactly one chunk, grouped by source as {@link EventSource#equals} says: a source TikTok added
 * after this version, named with {@code EventSource.of("...")} in two places, is two instances of one source.
 */
class ChunkerTest {

    @Test
    void equalSourcesThatAreDifferentInstancesAreOneSourceAndNoEventIsLeftOut() {
        EventSource partner = EventSource.of("partner");
        EventSource samePartner = EventSource.of("partner");
        assertThat(samePartner).isEqualTo(partner).isNotSameAs(partner);
        List<Event> events = List.of(event("a", partner), event("b", samePartner), event("c", partner));

        Map<EventSource, List<List<Event>>> chunks = Chunker.chunk(events, 1000, event -> 100);

        assertThat(chunks).containsOnlyKeys(partner);
        assertThat(chunks.get(partner)).containsExactly(events);
    }

    @Test
    void mixedSourcesKeepEveryEventInOrderWithinItsSource() {
        EventSource partner = EventSource.of("partner");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            events.add(event("e" + i, i % 2 == 0 ? EventSource.of("partner") : EventSource.WEB));
        }

        Map<EventSource, List<List<Event>>> chunks = Chunker.chunk(events, 2, event -> 100);

        assertThat(chunks).containsOnlyKeys(partner, EventSource.WEB);
        assertThat(chunks.get(partner)).containsExactly(List.of(events.get(0), events.get(2)),
                List.of(events.get(4), events.get(6)));
        assertThat(chunks.get(EventSource.WEB)).containsExactly(List.of(events.get(1), events.get(3)),
                List.of(events.get(5)));
    }

    private static Event event(String id, EventSource source) {
        return Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId(id).source(source).epochSeconds(1675220400L)
                .page(Page.of("https://www.example.com/")).build();
    }
}
