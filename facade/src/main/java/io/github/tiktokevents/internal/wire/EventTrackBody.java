package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.outbox.OutboxEvent;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An Events API 2.0 request body written straight into the connection as OkHttp sends it: the envelope head, then
 * each event's JSON, made by the generated writer when the event was first sent or enqueued, and kept on it. No copy
 * of the whole body is ever assembled, and its length is known in advance, so the request carries a
 * {@code Content-Length} and is not chunked.
 *
 * <p>The body takes each event's bytes when it is made, on the thread that sends, and keeps them in one array. OkHttp
 * writes it later on one of its own threads, which then copies bytes without reaching through every event first:
 * events built long before they are sent are cache misses, and the copy waited on two of them per event. Writing the
 * body again (OkHttp may, after a dropped connection) gives the same bytes.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EventTrackBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final byte[] head;
    /** The one event's bytes, or null when {@link #parts} holds several (or none). */
    private final byte[] only;
    /** Each event's bytes, in order; null when the body has {@link #only} one event or is {@link #stored}. */
    private final byte[][] parts;
    /** Events read back from an outbox, each written from its stored bytes; null otherwise. */
    private final List<OutboxEvent> stored;
    private final long contentLength;

    /**
     * A body of the given events behind the given head.
     *
     * @param envelopeHead from {@link #envelopeHead(EventSource, String, String, String)}
     * @param events built events of the head's source
     */
    public EventTrackBody(byte[] envelopeHead, List<Event> events) {
        this.head = envelopeHead;
        if (events.size() == 1) {
            // one event, as send makes it: no array, so the body may still be scalar-replaced (see writeTo)
            this.only = EventWire.json(events.get(0));
            this.parts = null;
            this.stored = null;
            this.contentLength = head.length + 2L + only.length;
        } else {
            byte[][] bytes = new byte[events.size()][];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = EventWire.json(events.get(i));
            }
            this.only = null;
            this.parts = bytes;
            this.stored = null;
            long length = head.length + 2L + Math.max(0, bytes.length - 1); // "]}" and the commas
            for (byte[] part : bytes) {
                length += part.length;
            }
            this.contentLength = length;
        }
    }

    private EventTrackBody(byte[] envelopeHead, List<OutboxEvent> stored, long contentLength) {
        this.head = envelopeHead;
        this.only = null;
        this.parts = null;
        this.stored = stored;
        this.contentLength = contentLength;
    }

    /**
     * A body of events an outbox kept, each written from its stored bytes exactly as they were stored.
     *
     * @param envelopeHead from {@link #envelopeHead(EventSource, String, String, String)}
     * @param stored Events API 2.0 events of the head's source; the list is kept, not copied
     * @return the body
     */
    public static EventTrackBody ofStored(byte[] envelopeHead, List<OutboxEvent> stored) {
        long length = envelopeHead.length + 2L + Math.max(0, stored.size() - 1);
        for (OutboxEvent event : stored) {
            length += event.bodyLength();
        }
        return new EventTrackBody(envelopeHead, stored, length);
    }

    /**
     * The {@code /event/track/} envelope up to and including {@code "data":[}; a client makes it once per source.
     *
     * @param source the events' source
     * @param sourceId the {@code event_source_id}
     * @param testEventCode the test event code, or null
     * @param partnerName the partner name, or null
     * @return the head's UTF-8 bytes
     */
    public static byte[] envelopeHead(EventSource source, String sourceId, String testEventCode, String partnerName) {
        return Envelopes.eventsApi2Head(source, sourceId, testEventCode, partnerName); // written as the spec says
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
        // kept small so that it inlines into the caller, where the body object itself may then never be allocated
        if (only != null && contentLength <= BodyPieces.SEGMENT_BYTES) {
            writeDirectly(sink);
        } else {
            writeGathered(sink);
        }
    }

    /** Within one segment nothing is handed on before the end anyway (see {@link BodyPieces}), so no wrapper is made. */
    private void writeDirectly(BufferedSink sink) throws IOException {
        sink.write(head);
        sink.write(only);
        sink.writeByte(']');
        sink.writeByte('}');
    }

    private void writeGathered(BufferedSink sink) throws IOException {
        BodyPieces out = new BodyPieces(sink, contentLength); // not event by event: see BodyPieces
        out.write(head);
        if (only != null) {
            out.write(only);
        } else if (stored != null) {
            for (int i = 0; i < stored.size(); i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.write(stored.get(i).body()); // a fresh view each time: writing consumes it
            }
        } else {
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.write(parts[i]);
            }
        }
        out.writeByte(']');
        out.writeByte('}');
        out.finish();
    }
}
