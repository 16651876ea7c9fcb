package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import java.util.ArrayList;
import java.util.List;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSink;
import okio.Okio;

/**
 * How a request body reaches OkHttp's connection: OkHttp writes each piece its body sink passes on to the socket under
 * okio's {@code AsyncTimeout}, which signals a shared watchdog thread, so a body passed on 8 KiB segment by segment (as
 * event-by-event writes into a buffered sink are) cost the sending thread several of those per request. The bodies
 * gather their writes and pass on pieces of 64 KiB, so a body reaches the connection in as many pieces as the same bytes
 * handed to OkHttp in one array ({@code RequestBody.create(byte[])}): its complete segments at once, then the last,
 * partial one when OkHttp closes the body's sink.
 */
class BodyHandOverTest {
    private static final String LONG_TEXT = "x".repeat(500);

    @org.junit.jupiter.api.Test
    void aBodyOfFiftyEventsReachesTheConnectionInAsFewPiecesAsOneArray() throws Exception {
        List<Event> events = events(50);
        RequestBody body = new EventTrackBody(EventTrackBody.envelopeHead(EventSource.WEB, "PIXEL", null, null), events);

        Writes writes = writeThroughBufferedSink(body);

        assertThat(body.contentLength()).isGreaterThan(3 * 8192); // several of okio's segments
        assertThat(writes.count).isEqualTo(writeThroughBufferedSink(inOneArray(body)).count).isEqualTo(2L);
        assertThat(writes.bytes.size()).isEqualTo(body.contentLength());
        assertThat(writes.bytes.readByteArray()).isEqualTo(whole(body));
    }

    @org.junit.jupiter.api.Test
    void aPixelBatchOfFiftyEventsReachesTheConnectionInAsFewPiecesAsOneArray() throws Exception {
        RequestBody body = PixelBody.batch(PixelBody.batchHead("PIXEL", null, null), events(50));

        Writes writes = writeThroughBufferedSink(body);

        assertThat(body.contentLength()).isGreaterThan(3 * 8192);
        assertThat(writes.count).isEqualTo(writeThroughBufferedSink(inOneArray(body)).count).isEqualTo(2L);
        assertThat(writes.bytes.readByteArray()).isEqualTo(whole(body));
    }

    @org.junit.jupiter.api.Test
    void aLargeBodyIsPassedOnInPiecesOfAbout64KiB() throws Exception {
        RequestBody body = new EventTrackBody(EventTrackBody.envelopeHead(EventSource.WEB, "PIXEL", null, null),
                events(1000));

        Writes writes = writeThroughBufferedSink(body);

        long pieces = (body.contentLength() + BodyPieces.PIECE_BYTES - 1) / BodyPieces.PIECE_BYTES;
        assertThat(writes.count).isBetween(pieces, pieces + 1); // the last partial segment may come apart, at close
        assertThat(writes.bytes.readByteArray()).isEqualTo(whole(body));
    }

    /** Writes the body as OkHttp does: into a buffered sink over the connection's sink, then closes it. */
    private static Writes writeThroughBufferedSink(RequestBody body) throws Exception {
        Writes writes = new Writes();
        BufferedSink sink = Okio.buffer(writes);
        body.writeTo(sink);
        sink.close();
        return writes;
    }

    private static RequestBody inOneArray(RequestBody body) throws Exception {
        return RequestBody.create(whole(body), body.contentType());
    }

    private static byte[] whole(RequestBody body) throws Exception {
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }

    private static List<Event> events(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("event-" + i)
                    .epochSeconds(1675220400L).page(Page.of("https://www.example.com/"))
                    .properties(Properties.builder().description(LONG_TEXT).build()).build());
        }
        return events;
    }

    /** The connection's side: counts the pieces passed on to it, keeping their bytes. */
    private static final class Writes extends ForwardingSink {
        final Buffer bytes;
        long count;

        Writes() {
            this(new Buffer());
        }

        private Writes(Buffer bytes) {
            super(bytes);
            this.bytes = bytes;
        }

        @Override
        public void write(Buffer source, long byteCount) throws java.io.IOException {
            count++;
            super.write(source, byteCount);
        }
    }
}
