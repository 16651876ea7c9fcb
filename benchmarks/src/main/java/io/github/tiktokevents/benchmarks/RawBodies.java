package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.wire.EventTrackBody;
import io.github.tiktokevents.internal.wire.PixelBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * The raw baselines' request bodies: the events the SDK side sends, in bodies of the same size and byte for byte
 * what the SDK writes for them, made before any measurement. Both sides therefore move exactly the same bytes, and
 * the difference between them is the cost of the sending alone.
 */
final class RawBodies {
    private RawBodies() {
    }

    static List<byte[]> of(List<Event> events, int bodySize, ApiEdition edition) {
        byte[] head = edition == ApiEdition.EVENTS_V2
                ? EventTrackBody.envelopeHead(EventSource.WEB, QuickStartJson.PIXEL, null, null)
                : PixelBody.batchHead(QuickStartJson.PIXEL, null, null);
        List<byte[]> bodies = new ArrayList<>();
        for (int start = 0; start < events.size(); start += bodySize) {
            List<Event> part = events.subList(start, Math.min(events.size(), start + bodySize));
            RequestBody body = edition == ApiEdition.EVENTS_V2 ? new EventTrackBody(head, part) : PixelBody.batch(head, part);
            Buffer buffer = new Buffer();
            try {
                body.writeTo(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // never: the sink is in memory
            }
            bodies.add(buffer.readByteArray());
        }
        return bodies;
    }

    /** The path each edition's batch goes to, as the SDK's requests name it. */
    static String path(ApiEdition edition) {
        return edition == ApiEdition.EVENTS_V2 ? "/open_api/v1.3/event/track/" : "/open_api/v1.3/pixel/batch/";
    }
}
