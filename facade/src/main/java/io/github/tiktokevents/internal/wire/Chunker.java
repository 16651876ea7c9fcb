package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.rules.EventRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Splits a batch into requests TikTok takes: one source per request (each source has its own
 * {@code event_source_id}), at most {@code maxPerRequest} events each, and no more bytes of events than the shared
 * rules' request bound allows (less room for the envelope). Order is kept within a source, and every event lands in
 * exactly one chunk; an event too large for any request goes alone, for the server to judge.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Chunker {
    /** Room left in a request for the envelope around the events (ids, test code, partner name). */
    static final int ENVELOPE_ALLOWANCE_BYTES = 16 * 1024;

    private Chunker() {
    }

    /**
     * Splits by source, count and size.
     *
     * @param events the events
     * @param maxPerRequest the most events per request
     * @param sizeOf each event's size in the request body, in bytes
     * @return the chunks of each source, in order
     */
    public static Map<EventSource, List<List<Event>>> chunk(List<Event> events, int maxPerRequest, ToIntFunction<Event> sizeOf) {
        return chunk(events, maxPerRequest, EventRules.maxRequestBytes() - ENVELOPE_ALLOWANCE_BYTES, sizeOf);
    }

    static Map<EventSource, List<List<Event>>> chunk(List<Event> events, int maxPerRequest, long maxBytes,
            ToIntFunction<Event> sizeOf) {
        Map<EventSource, List<Event>> bySource = new LinkedHashMap<>();
        for (Event event : events) {
            bySource.computeIfAbsent(event.source(), source -> new ArrayList<>()).add(event);
        }
        Map<EventSource, List<List<Event>>> chunks = new LinkedHashMap<>();
        for (Map.Entry<EventSource, List<Event>> entry : bySource.entrySet()) {
            List<List<Event>> parts = new ArrayList<>();
            List<Event> part = new ArrayList<>();
            long bytes = 0;
            for (Event event : entry.getValue()) {
                int size = sizeOf.applyAsInt(event);
                if (!part.isEmpty() && (part.size() == maxPerRequest || bytes + size > maxBytes)) {
                    parts.add(List.copyOf(part));
                    part.clear();
                    bytes = 0;
                }
                part.add(event);
                bytes += size;
            }
            if (!part.isEmpty()) {
                parts.add(List.copyOf(part));
            }
            chunks.put(entry.getKey(), parts);
        }
        return chunks;
    }
}
