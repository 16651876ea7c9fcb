package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.outbox.OutboxEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OkHttp writes a request body again when it retries on a fresh connection, so every body must give the same bytes,
 * exactly its {@code contentLength}, each time: from events (whose bytes the body takes when it is made) and from
 * stored events (read through a view that writing consumes), small enough to go straight into the sink or large
 * enough to be gathered in pieces.
 */
class BodyRewriteTest {
    private static final byte[] TRACK_HEAD = EventTrackBody.envelopeHead(EventSource.WEB, "PIXEL", null, null);
    private static final byte[] PIXEL_TRACK_HEAD = PixelBody.trackHead("PIXEL", null, null);
    private static final byte[] PIXEL_BATCH_HEAD = PixelBody.batchHead("PIXEL", null, null);

    static Stream<Arguments> bodies() {
        List<Event> one = events(1);
        List<Event> two = events(2);
        List<Event> fifty = events(50);
        return Stream.of(
                Arguments.of("2.0, one event", new EventTrackBody(TRACK_HEAD, one)),
                Arguments.of("2.0, two events", new EventTrackBody(TRACK_HEAD, two)),
                Arguments.of("2.0, fifty events", new EventTrackBody(TRACK_HEAD, fifty)),
                Arguments.of("2.0, one stored event", EventTrackBody.ofStored(TRACK_HEAD, stored(one, ApiEdition.EVENTS_V2))),
                Arguments.of("2.0, fifty stored events",
                        EventTrackBody.ofStored(TRACK_HEAD, stored(fifty, ApiEdition.EVENTS_V2))),
                Arguments.of("1.0, one event", PixelBody.track(PIXEL_TRACK_HEAD, one.get(0))),
                Arguments.of("1.0, two events", PixelBody.batch(PIXEL_BATCH_HEAD, two)),
                Arguments.of("1.0, fifty events", PixelBody.batch(PIXEL_BATCH_HEAD, fifty)),
                Arguments.of("1.0, one stored event",
                        PixelBody.ofStored(PIXEL_TRACK_HEAD, PIXEL_BATCH_HEAD, stored(one, ApiEdition.PIXEL_V1))),
                Arguments.of("1.0, fifty stored events",
                        PixelBody.ofStored(PIXEL_TRACK_HEAD, PIXEL_BATCH_HEAD, stored(fifty, ApiEdition.PIXEL_V1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void writesTheSameBytesOfItsLengthEveryTime(String shape, RequestBody body) throws Exception {
        byte[] first = write(body);
        byte[] second = write(body);

        assertThat(first).hasSize((int) body.contentLength());
        assertThat(second).isEqualTo(first);
        String json = new String(first, StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").endsWith("}");
        assertThat(json.split("\"event_id\"", -1).length - 1).as("events written").isEqualTo(eventsIn(shape));
    }

    private static int eventsIn(String shape) {
        return shape.contains("fifty") ? 50 : shape.contains("two") ? 2 : 1;
    }

    private static byte[] write(RequestBody body) throws Exception {
        Buffer sink = new Buffer();
        body.writeTo(sink);
        return sink.readByteArray();
    }

    private static List<OutboxEvent> stored(List<Event> events, ApiEdition edition) {
        List<OutboxEvent> stored = new ArrayList<>();
        for (Event event : events) {
            stored.add(OutboxEvent.of(event, edition));
        }
        return stored;
    }

    private static List<Event> events(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // about 700 bytes each: fifty of them fill several of okio's segments
            events.add(Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("event-" + i)
                    .epochSeconds(1675220400L).page(Page.of("https://www.example.com/"))
                    .properties(Properties.builder().description("x".repeat(500)).build()).build());
        }
        return events;
    }
}
