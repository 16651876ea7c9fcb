package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * sendBatch and sendBatchAsync isolate a bad event as the processor does: TikTok refuses a whole request with 40002
 * when one event is invalid, so the request is split until the bad event fails alone and the rest is delivered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchIsolationTest {
    private final AtomicInteger requests = new AtomicInteger();
    private MockTikTok tiktok;

    @BeforeEach
    void start() throws Exception {
        tiktok = new MockTikTok();
        tiktok.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                JsonObject body = MockTikTok.json(request);
                boolean bad = false;
                for (var event : body.getAsJsonArray("data")) {
                    bad |= event.getAsJsonObject().get("event_id").getAsString().startsWith("bad");
                }
                String answer = bad
                        ? "{\"code\":40002,\"message\":\"Invalid parameter: event_time\",\"request_id\":\"r-bad\"}"
                        : "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r-ok\",\"data\":{}}";
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(answer).build();
            }
        });
    }

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private static List<Event> eventsWithOneBad(int count, int badIndex) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Event.builder("ViewContent").eventId((i == badIndex ? "bad" : "e") + i)
                    .epochSeconds(1675220400L).page(Page.of("https://shop.example/" + i)).build());
        }
        return events;
    }

    private void assertOnlyTheBadOneFailed(BatchResult result, List<Event> events, int badIndex) {
        assertThat(result.eventCount()).as("each event reported once").isEqualTo(events.size());
        assertThat(result.failedEvents()).containsExactly(events.get(badIndex));
        assertThat(result.failedChunks()).singleElement().satisfies(chunk ->
                assertThat(chunk.error()).isInstanceOf(InvalidRequestException.class));
        assertThat(result.succeededEvents()).hasSize(events.size() - 1).doesNotContain(events.get(badIndex));
        assertThat(requests.get()).as("1 + at most 2 per halving").isLessThanOrEqualTo(1 + 2 * 10);
    }

    @Test
    void sendBatchDeliversTheRestOfARequestRefusedForOneBadEvent() {
        List<Event> events = eventsWithOneBad(1000, 617);
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            assertOnlyTheBadOneFailed(client.sendBatch(events), events, 617);
        }
    }

    @Test
    void sendBatchAsyncDoesTheSame() {
        List<Event> events = eventsWithOneBad(1000, 3);
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            assertOnlyTheBadOneFailed(client.sendBatchAsync(events).join(), events, 3);
        }
    }
}
