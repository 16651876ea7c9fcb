package io.github.tiktokevents.examples;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fire-and-forget sending with the background processor: enqueues 3,000 web events as a request handler would
 * (each enqueue only queues the event), then flushes, prints the counters and closes. A listener hears the one
 * outcome of every event; the program exits 0 only when every event was delivered.
 *
 * <pre>
 * mvn -q -Pexample compile -Dexample=ProcessorExample
 * </pre>
 */
public final class ProcessorExample {
    static final int EVENTS = 3_000;
    /** The longest the example waits for the processor to settle every event. */
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

    private ProcessorExample() {
    }

    /**
     * Runs the example and exits with its status: 0 every event delivered, 1 any not delivered, 2 not configured.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.exit(Example.run(ProcessorExample::send, System::getenv, System.out, System.err));
    }

    static int send(ExampleTarget target, Report report) {
        return send(target, report, RetryPolicy.defaults());
    }

    /** The example with another retry policy, so tests against a faulty emulator need not wait seconds. */
    static int send(ExampleTarget target, Report report, RetryPolicy retryPolicy) {
        AtomicLong delivered = new AtomicLong();
        Map<String, TikTokException> failed = new ConcurrentHashMap<>();
        DeliveryListener listener = new DeliveryListener() {
            @Override
            public void delivered(String eventId, String requestId) {
                delivered.incrementAndGet();
            }

            @Override
            public void failed(String eventId, TikTokException error) {
                failed.put(eventId, error); // in a service: log it, count it, or keep the event to resend later
            }
        };
        ProcessorOptions options = ProcessorOptions.builder()
                .maxBatchSize(500)                                // requests of at most 500 events
                .maxDelay(Duration.ofMillis(200))                 // no event waits longer than this for its batch
                .queueCapacity(10_000)
                .queueFullPolicy(QueueFullPolicy.BLOCK_WITH_TIMEOUT)
                .enqueueTimeout(Duration.ofMillis(50))            // the longest a caller can be held by a full queue
                .retryPolicy(retryPolicy)
                .listener(listener)
                .build();

        List<Event> events = events(EVENTS);
        long refused = 0;
        boolean settled;
        ProcessorStats stats;
        // try-with-resources: an unexpected exception still closes the processor (the client's close() would too)
        try (EventProcessor processor = target.client().processor(options)) {
            long started = System.nanoTime();
            for (Event event : events) {
                if (!processor.enqueue(event)) { // only queues: the request path never waits for TikTok
                    refused++;                   // the listener has already heard why
                }
            }
            long enqueueMicros = (System.nanoTime() - started) / 1_000;
            report.line("Enqueued " + EVENTS + " events in " + enqueueMicros / 1_000 + " ms ("
                    + enqueueMicros / EVENTS + " us each on average, cold JVM included); " + refused + " refused");

            settled = processor.flush(FLUSH_TIMEOUT);
            stats = processor.stats();
        }
        report.line("After flush" + (settled ? " (everything delivered)"
                : " (not everything delivered within " + FLUSH_TIMEOUT.toSeconds() + " s)") + ": " + stats);
        report.line(delivered.get() + " of " + EVENTS + " events delivered");
        target.emulator().ifPresent(emulator -> report.line("The emulator received " + emulator.requestCount()
                + " requests and accepted " + emulator.events().size() + " events"));

        if (settled && refused == 0 && failed.isEmpty() && delivered.get() == EVENTS) {
            return Report.OK;
        }
        if (failed.isEmpty()) {
            return report.notAccepted("only " + delivered.get() + " of " + EVENTS + " events were delivered");
        }
        Map.Entry<String, TikTokException> first = failed.entrySet().iterator().next();
        report.line(failed.size() + " events not delivered; e.g. " + first.getKey() + ": "
                + Report.oneLine(first.getValue().getMessage()));
        return report.failure(first.getValue());
    }

    /**
     * Page views numbered {@code view-0001} upwards, stamped with the time they are built.
     *
     * @param count how many
     * @return the events
     */
    static List<Event> events(int count) {
        List<Event> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(Event.builder(EventNames.VIEW_CONTENT)
                    .eventId(String.format(Locale.ROOT, "view-%04d", i))
                    .user(User.builder().email("visitor" + (i % 100) + "@example.com").ip("13.57.97.131").build())
                    .page(Page.of("https://www.example.com/products/sku-" + (i % 20)))
                    .build());
        }
        return events;
    }
}
