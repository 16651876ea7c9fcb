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
 * settings, then the events. Like {@link EventTrackBody}, no copy of the whole body is assembled, its length is
 * known in advance, and each event's bytes are taken when the body is made, so that OkHttp's thread only copies them.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class PixelBody extends RequestBody {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] BATCH_ITEM_HEAD = Envelopes.PIXEL_BATCH_ITEM_HEAD;

    private final byte[] head;
    /** The one event's 1.0 properties of a {@code /pixel/track/} body; null for a batch. */
    private final byte[] only;
    /** Each event's 1.0 properties of a {@code /pixel/batch/} body, in order; null for a track body. */
    private final byte[][] parts;
    /** Events read back from an outbox, each written from its stored 1.0 bytes; null otherwise. */
    private final List<OutboxEvent> stored;
    private final long contentLength;

    /** A {@code /pixel/track/} body of one event's properties. */
    private PixelBody(byte[] head, byte[] only) {
        this.head = head;
        this.only = only;
        this.parts = null;
        this.stored = null;
        this.contentLength = head.length + only.length + 1L;
    }

    /** A {@code /pixel/track/} (one event) or {@code /pixel/batch/} body of events an outbox kept. */
    private PixelBody(byte[] head, List<OutboxEvent> stored) {
        this.head = head;
        this.only = null;
        this.parts = null;
        this.stored = stored;
        if (stored.size() == 1) {
            this.contentLength = head.length + stored.get(0).bodyLength() + 1L;
        } else {
            long length = head.length + 2L + stored.size() - 1; // "]}" and the commas
            for (OutboxEvent event : stored) {
                length += BATCH_ITEM_HEAD.length + event.bodyLength() + 1;
            }
            this.contentLength = length;
        }
    }

    /** A {@code /pixel/batch/} body: each event's properties, taken when the body is made (see {@link EventTrackBody}). */
    private PixelBody(byte[] head, byte[][] parts) {
        this.head = head;
        this.only = null;
        this.parts = parts;
        this.stored = null;
        long length = head.length + 2L + Math.max(0, parts.length - 1); // "]}" and the commas
        for (byte[] part : parts) {
            length += BATCH_ITEM_HEAD.length + part.length + 1;
        }
        this.contentLength = length;
    }

    /**
     * A {@code /pixel/track/} or {@code /pixel/batch/} body of events an outbox kept, each written from its stored
     * Events API 1.0 bytes exactly as they were stored.
     *
     * @param trackHead from {@link #trackHead}, used for one event
     * @param batchHead from {@link #batchHead}, used for several
     * @param stored the events, at least one; the list is kept, not copied
     * @return the body
     */
    public static PixelBody ofStored(byte[] trackHead, byte[] batchHead, List<OutboxEvent> stored) {
        return new PixelBody(stored.size() == 1 ? trackHead : batchHead, stored);
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
        return new PixelBody(head, EventWire.pixelFields(event));
    }

    /**
     * A {@code /pixel/batch/} body.
     *
     * @param head from {@link #batchHead}
     * @param events the events
     * @return the body
     */
    public static PixelBody batch(byte[] head, List<Event> events) {
        byte[][] parts = new byte[events.size()][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = EventWire.pixelFields(events.get(i));
        }
        return new PixelBody(head, parts);
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
        sink.writeByte('}');
    }

    private void writeGathered(BufferedSink sink) throws IOException {
        BodyPieces out = new BodyPieces(sink, contentLength); // not event by event: see BodyPieces
        out.write(head);
        if (only != null) {
            out.write(only);
            out.writeByte('}');
        } else if (parts != null) {
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.writeByte(',');
                }
                out.write(BATCH_ITEM_HEAD);
                out.write(parts[i]);
                out.writeByte('}');
            }
            out.writeByte(']');
            out.writeByte('}');
        } else {
            writeStored(out);
        }
        out.finish();
    }

    /** The stored events' bytes, each from a fresh view, since writing one consumes it. */
    private void writeStored(BodyPieces out) throws IOException {
        if (stored.size() == 1) {
            out.write(stored.get(0).body());
            out.writeByte('}');
            return;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            out.write(BATCH_ITEM_HEAD);
            out.write(stored.get(i).body());
            out.writeByte('}');
        }
        out.writeByte(']');
        out.writeByte('}');
    }
}
