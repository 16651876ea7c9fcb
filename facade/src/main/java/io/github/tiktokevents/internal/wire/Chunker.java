package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a batch into requests TikTok takes: one source per request (each source has its own
 * {@code event_source_id}), at most {@code maxPerRequest} events each. Order is kept within a source, and every
 * event lands in exactly one chunk.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Chunker {
    private Chunker() {
    }

    public static Map<EventSource, List<List<Event>>> chunk(List<Event> events, int maxPerRequest) {
        Map<EventSource, List<Event>> bySource = new LinkedHashMap<>();
        for (Event event : events) {
            bySource.computeIfAbsent(event.source(), source -> new ArrayList<>()).add(event);
        }
        Map<EventSource, List<List<Event>>> chunks = new LinkedHashMap<>();
        for (Map.Entry<EventSource, List<Event>> entry : bySource.entrySet()) {
            List<Event> sourceEvents = entry.getValue();
            List<List<Event>> parts = new ArrayList<>();
            for (int from = 0; from < sourceEvents.size(); from += maxPerRequest) {
                parts.add(List.copyOf(sourceEvents.subList(from, Math.min(sourceEvents.size(), from + maxPerRequest))));
            }
            chunks.put(entry.getKey(), parts);
        }
        return chunks;
    }
}
