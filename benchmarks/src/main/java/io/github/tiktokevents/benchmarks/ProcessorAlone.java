package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The baseline of the integrations' figures: the SDK's processor alone, fed events built in a loop (validation,
 * normalisation and hashing included, as the integrations build theirs), in batches of 1,000, its other settings the
 * defaults, then flushed. It measures what the SDK and the emulator allow on this machine, so that an integration's
 * rate can be read as a share of it.
 */
final class ProcessorAlone {
    private ProcessorAlone() {
    }

    /**
     * Events per second through a processor of the given client.
     *
     * @param client the client, sending to the emulator
     * @param count how many events
     * @param event makes the event of each index
     * @return events per second, from the first enqueue until {@code flush()} returned
     */
    static double eventsPerSecond(TikTokEvents client, long count, LongFunction<Event> event) {
        AtomicLong delivered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ProcessorOptions options = ProcessorOptions.builder()
                .maxBatchSize(1000)
                .enqueueTimeout(Duration.ofMinutes(1)) // wait for room rather than reject
                .listener(new DeliveryListener() {
                    @Override
                    public void delivered(String eventId, String requestId) {
                        delivered.incrementAndGet();
                    }

                    @Override
                    public void failed(String eventId, TikTokException error) {
                        failed.incrementAndGet();
                    }
                })
                .build();
        try (EventProcessor processor = client.processor(options)) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                processor.enqueue(event.apply(i));
            }
            processor.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (delivered.get() != count || failed.get() != 0) {
                throw new IllegalStateException("delivered " + delivered + ", failed " + failed + " of " + count);
            }
            return count / seconds;
        }
    }
}
