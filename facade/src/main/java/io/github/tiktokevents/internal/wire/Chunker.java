package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.rules.EventRules;
import java.util.ArrayList;
import java.util.Arrays;
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
        Event[] all = events.toArray(new Event[0]);
        int[] sizes = new int[all.length];
        EventSource first = all.length == 0 ? null : all[0].source();
        boolean oneSource = true;
        // One short loop that only reads each event's source and size: batches are often built long before they are
        // sent, so each event is a cache miss, and a loop this small lets the processor wait for several at once.
        for (int i = 0; i < all.length; i++) {
            Event event = all[i];
            sizes[i] = sizeOf.applyAsInt(event);
            oneSource &= first.equals(event.source()); // equal, not identical: of("...") may make a new instance
        }
        Map<EventSource, List<List<Event>>> chunks = new LinkedHashMap<>();
        if (all.length == 0) {
            return chunks;
        }
        if (oneSource) {
            chunks.put(first, split(all, sizes, all.length, maxPerRequest, maxBytes));
            return chunks;
        }
        Map<EventSource, Integer> counts = new LinkedHashMap<>();
        for (Event event : all) {
            counts.merge(event.source(), 1, Integer::sum);
        }
        for (EventSource source : counts.keySet()) {
            Event[] ofSource = new Event[counts.get(source)];
            int[] sizesOfSource = new int[ofSource.length];
            int n = 0;
            for (int i = 0; i < all.length; i++) {
                if (source.equals(all[i].source())) {
                    ofSource[n] = all[i];
                    sizesOfSource[n++] = sizes[i];
                }
            }
            chunks.put(source, split(ofSource, sizesOfSource, n, maxPerRequest, maxBytes));
        }
        return chunks;
    }

    /** Cuts one source's events, in order, into immutable lists within both bounds. */
    private static List<List<Event>> split(Event[] events, int[] sizes, int count, int maxPerRequest, long maxBytes) {
        List<List<Event>> parts = new ArrayList<>(count / Math.max(1, maxPerRequest) + 1);
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            if (i > start && (i - start == maxPerRequest || bytes + sizes[i] > maxBytes)) {
                parts.add(List.of(Arrays.copyOfRange(events, start, i)));
                start = i;
                bytes = 0;
            }
            bytes += sizes[i];
        }
        parts.add(List.of(Arrays.copyOfRange(events, start, count)));
        return parts;
    }
}
