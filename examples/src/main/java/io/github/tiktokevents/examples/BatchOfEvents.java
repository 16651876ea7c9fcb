package io.github.tiktokevents.examples;

import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends 2,500 web events with one {@code sendBatch} call: the SDK splits them into requests of at most 1,000, and
 * reports each request on its own, so one refused request never hides the others.
 *
 * <pre>
 * mvn -q -Pexample compile -Dexample=BatchOfEvents
 * </pre>
 */
public final class BatchOfEvents {
    static final int EVENTS = 2_500;

    private BatchOfEvents() {
    }

    /**
     * Runs the example and exits with its status: 0 every request accepted, 1 any refused, 2 not configured.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Example.run(BatchOfEvents::send, System::getenv, System.out, System.err));
    }

    static int send(ExampleTarget target, Report report) {
        List<Event> events = events(EVENTS, Instant.now());
        report.line("Sending " + events.size() + " AddToCart events in one sendBatch call; the first one:");
        report.sentEvent(events.get(0));

        BatchResult batch = target.client().sendBatch(events);

        int number = 0;
        for (BatchResult.ChunkResult chunk : batch.chunks()) {
            number++;
            String what = "Request " + number + ": " + chunk.events().size() + " " + chunk.source().wireValue()
                    + " events (" + chunk.events().get(0).eventId() + " .. "
                    + chunk.events().get(chunk.events().size() - 1).eventId() + ") -> ";
            if (chunk.succeeded()) {
                SendResult result = chunk.result().orElseThrow();
                report.line(what + "code=" + result.code() + ", message=" + result.message()
                        + ", request_id=" + result.requestId());
            } else {
                TikTokException error = chunk.error();
                report.line(what + "FAILED" + (error.isRetryable() ? " (retryable)" : "") + ": "
                        + Report.oneLine(error.getMessage()));
            }
        }
        target.emulator().ifPresent(emulator -> report.line("The emulator recorded " + emulator.requestCount()
                + " requests carrying " + emulator.events().size() + " events"));
        report.line(batch.succeededEvents().size() + " of " + batch.eventCount() + " events accepted");
        if (batch.allSucceeded()) {
            return Report.OK;
        }
        // Each failed request keeps its events: resend the retryable ones later, with the same event ids.
        return report.failure(batch.failedChunks().get(0).error());
    }

    /**
     * Events numbered {@code cart-0001} upwards, one second apart, ending at {@code end}.
     *
     * @param count how many
     * @param end the time of the last one
     * @return the events
     */
    static List<Event> events(int count, Instant end) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String sku = "sku-" + (i % 20);
            events.add(Event.builder(EventNames.ADD_TO_CART)
                    .eventId(String.format(Locale.ROOT, "cart-%04d", i))
                    .timestamp(end.minusSeconds(count - i))
                    .user(User.builder().email("shopper" + (i % 100) + "@example.com").ip("13.57.97.131").build())
                    .page(Page.of("https://www.example.com/products/" + sku))
                    .properties(Properties.builder().currency("USD").value(19.90)
                            .addContent(Content.builder().contentType(ContentType.PRODUCT).contentId(sku)
                                    .price(19.90).quantity(1).build())
                            .build())
                    .build());
        }
        return events;
    }
}
