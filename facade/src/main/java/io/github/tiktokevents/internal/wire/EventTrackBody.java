package io.github.tiktokevents;

import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An Events API 2.0 request body written straight into the connection as OkHttp sends it: the envelope head, then
 * each event's JSON, made when the event was built. No copy of the whole body is ever assembled, and its length is
 * known in advance, so the request carries a {@code Content-Length} and is not chunked.
 *
 * <p>Events are immutable, so writing the body again (OkHttp may, after a dropped connection) gives the same bytes.
 */
final class EventTrackBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final byte[] head;
    private final List<Event> events;
    private final long contentLength;

    EventTrackBody(byte[] envelopeHead, List<Event> events) {
        this.head = envelopeHead;
        this.events = events;
        long length = head.length + 2L + Math.max(0, events.size() - 1);
        for (Event event : events) {
            length += event.wireSize();
        }
        this.contentLength = length;
    }

    @Override
    public MediaType contentType() {
        return JSON;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(head);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                sink.writeByte(',');
            }
            sink.write(events.get(i).wireJson());
        }
        sink.writeByte(']');
        sink.writeByte('}');
    }
}
