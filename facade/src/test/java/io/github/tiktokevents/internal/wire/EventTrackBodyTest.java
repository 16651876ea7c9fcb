package io.github.tiktokevents.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.client.JSON;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 2.0 request body: the envelope head around each event's kept JSON, reached through {@link EventWire}. */
class EventTrackBodyTest {
    @Test
    void aRequestBodyIsTheEnvelopeAroundTheStreamedEventsAndItsLengthIsExact() throws Exception {
        Event first = Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("a").epochSeconds(1675220400L)
                .page(Page.of("https://www.example.com/ünïcødé?q=😀")).build();
        Event second = Event.builder("AddToCart", MockTikTok.DEFAULTS).eventId("b").epochSeconds(1675220401L)
                .page(Page.of("https://www.example.com"))
                .properties(Properties.builder().description("quote \" tab\t €").value(1e20).currency("IDR").build()).build();

        EventTrackBody body = new EventTrackBody(EventTrackBody.envelopeHead(EventSource.WEB, "PIXEL", "TEST1", "Acme"),
                List.of(first, second));
        okio.Buffer sink = new okio.Buffer();
        body.writeTo(sink);
        assertThat(sink.size()).isEqualTo(body.contentLength());
        EventTrackRequest request = JSON.getGson().fromJson(sink.readUtf8(), EventTrackRequest.class);

        assertThat(request.getAdditionalProperties()).isNullOrEmpty();
        assertThat(request.getEventSource().getValue()).isEqualTo("web");
        assertThat(request.getEventSourceId()).isEqualTo("PIXEL");
        assertThat(request.getTestEventCode()).isEqualTo("TEST1");
        assertThat(request.getPartnerName()).isEqualTo("Acme");
        assertThat(request.getData()).extracting(EventData::getEventId).containsExactly("a", "b");
        assertThat(request.getData().get(1).getProperties().getDescription()).isEqualTo("quote \" tab\t €");
    }

    @Test
    void onlyEventCanLendItsBytes() {
        Event event = Event.builder("ViewContent").page(Page.of("https://www.example.com")).build();

        assertThatThrownBy(() -> EventWire.install(new EventWire.Access() {
            @Override
            public byte[] json(Event ignored) {
                return new byte[0];
            }

            @Override
            public byte[] pixelFields(Event ignored) {
                return new byte[0];
            }
        })).isInstanceOf(IllegalStateException.class);
        assertThat(EventWire.json(event)).isNotEmpty();
    }
}
