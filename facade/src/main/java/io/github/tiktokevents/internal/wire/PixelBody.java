package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.outbox.OutboxEvent;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * An Events API 1.0 request body ({@code /pixel/track/} for one event, {@code /pixel/batch/} for several), written
 * into the connection from each event's 1.0 properties, made once by the generated writer: the envelope's client
 * settings, then the events. Like {@link EventTrackBody}, no copy of the whole body is assembled and its length is
 * known in advance.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class PixelBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] BATCH_ITEM_HEAD = Envelopes.PIXEL_BATCH_ITEM_HEAD;

    private final byte[] head;
    /** Built events, or events read back from an outbox ({@link OutboxEvent}), sent from their kept bytes. */
    private final List<?> events;
    /** The one event of a {@code /pixel/track/} body; null for a batch. */
    private final Object single;
    private final boolean batch;
    private final long contentLength;

    private PixelBody(byte[] head, List<?> events, boolean batch) {
        this.head = head;
        this.events = events;
        this.single = batch ? null : events.get(0);
        this.batch = batch;
        long length = head.length;
        if (batch) {
            length += 2L + Math.max(0, events.size() - 1); // "]}" and the commas
            for (Object event : events) {
                length += BATCH_ITEM_HEAD.length + fieldsLength(event) + 1;
            }
        } else {
            length += fieldsLength(single) + 1;
        }
        this.contentLength = length;
    }

    /** A {@code /pixel/track/} body of one event: no list around it, as {@code send} makes one per event. */
    private PixelBody(byte[] head, Object event) {
        this.head = head;
        this.events = null;
        this.single = event;
        this.batch = false;
        this.contentLength = head.length + fieldsLength(event) + 1L;
    }

    private static int fieldsLength(Object event) {
        return event instanceof OutboxEvent ? ((OutboxEvent) event).bodyLength() : EventWire.pixelFields((Event) event).length;
    }

    private static void writeFields(BodyPieces out, Object event) throws IOException {
        if (event instanceof OutboxEvent) {
            out.write(((OutboxEvent) event).body());
        } else {
            out.write(EventWire.pixelFields((Event) event));
        }
    }

    /**
     * A {@code /pixel/track/} or {@code /pixel/batch/} body of events an outbox kept, each written from its stored
     * Events API 1.0 bytes exactly as they were stored.
     *
     * @param trackHead from {@link #trackHead}, used for one event
     * @param batchHead from {@link #batchHead}, used for several
     * @param stored the events; the list is kept, not copied
     * @return the body
     */
    public static PixelBody ofStored(byte[] trackHead, byte[] batchHead, List<OutboxEvent> stored) {
        return stored.size() == 1 ? new PixelBody(trackHead, stored.get(0)) : new PixelBody(batchHead, stored, true);
    }

    /**
     * The head of a {@code /pixel/track/} body: the envelope's settings, then a comma, since the one event's
     * properties follow in the same object. A client makes it once.
     *
     * @param pixelCode the pixel
     * @param testEventCode the test event code, or null
     * @param partnerName the partner name, or null
     * @return the head bytes
     */
    public static byte[] trackHead(String pixelCode, String testEventCode, String partnerName) {
        return Envelopes.pixelTrackHead(pixelCode, testEventCode, partnerName);
    }

    /**
     * The head of a {@code /pixel/batch/} body, up to and including {@code "batch":[}. A client makes it once.
     *
     * @param pixelCode the pixel
     * @param testEventCode the test event code, or null
     * @param partnerName the partner name, or null
     * @return the head bytes
     */
    public static byte[] batchHead(String pixelCode, String testEventCode, String partnerName) {
        return Envelopes.pixelBatchHead(pixelCode, testEventCode, partnerName);
    }

    /**
     * A {@code /pixel/track/} body.
     *
     * @param head from {@link #trackHead}
     * @param event the event
     * @return the body
     */
    public static PixelBody track(byte[] head, Event event) {
        return new PixelBody(head, event);
    }

    /**
     * A {@code /pixel/batch/} body.
     *
     * @param head from {@link #batchHead}
     * @param events the events; the list is kept, not copied
     * @return the body
     */
    public static PixelBody batch(byte[] head, List<Event> events) {
        return new PixelBody(head, events, true);
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
        if (!batch && contentLength <= BodyPieces.SEGMENT_BYTES) {
            writeDirectly(sink);
        } else {
            writeGathered(sink);
        }
    }

    /** Within one segment nothing is handed on before the end anyway (see {@link BodyPieces}), so no wrapper is made. */
    private void writeDirectly(BufferedSink sink) throws IOException {
        sink.write(head);
        if (single instanceof OutboxEvent) {
            sink.write(((OutboxEvent) single).body());
        } else {
            sink.write(EventWire.pixelFields((Event) single));
        }
        sink.writeByte('}');
    }

    private void writeGathered(BufferedSink sink) throws IOException {
        BodyPieces out = new BodyPieces(sink, contentLength); // not event by event: see BodyPieces
        out.write(head);
        if (!batch) {
            writeFields(out, single);
            out.writeByte('}');
            out.finish();
            return;
        }
        if (!events.isEmpty() && events.get(0) instanceof Event) {
            writeEvents(out);
        } else {
            for (int i = 0; i < events.size(); i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.write(BATCH_ITEM_HEAD);
                writeFields(out, events.get(i));
                out.writeByte('}');
            }
        }
        out.writeByte(']');
        out.writeByte('}');
        out.finish();
    }

    /**
     * The batch's events from their kept bytes, asking for the next event's bytes before copying the current ones:
     * events are often built long before they are sent, so each is a cache miss, which then overlaps the copy before it.
     */
    private void writeEvents(BodyPieces out) throws IOException {
        int count = events.size();
        byte[] next = EventWire.pixelFields((Event) events.get(0));
        long length = head.length + 2L + count - 1 + count * (BATCH_ITEM_HEAD.length + 1L) + next.length;
        for (int i = 0; i < count; i++) {
            byte[] current = next;
            if (i + 1 < count) {
                next = EventWire.pixelFields((Event) events.get(i + 1));
                length += next.length;
            }
            if (i > 0) {
                out.writeByte(',');
            }
            out.write(BATCH_ITEM_HEAD);
            out.write(current);
            out.writeByte('}');
        }
        if (length != contentLength) {
            // OkHttp would fail the request anyway; this names why
            throw new IOException("an event's bytes changed after the request's length was counted");
        }
    }
}
