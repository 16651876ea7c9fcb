package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link OutboxCrashTest}: a program on the test classpath, run in its own JVM so the test can
 * kill it with SIGKILL. It prints {@code stored <i>} after each event's {@code enqueue} returned, so the parent knows
 * which events the outbox acknowledged.
 *
 * <ul>
 *   <li>{@code send <dir> <baseUrl> <from> <to>}: enqueues events {@code e<from>..e<to - 1>} into a processor on a
 *       local outbox, then flushes until the outbox is empty, prints {@code drained} and exits.</li>
 *   <li>{@code store <dir> <count>}: stores {@code count} events straight into the outbox, each synced, then
 *       prints {@code stored-all} and waits to be killed.</li>
 *   <li>{@code hold <dir>}: opens the outbox, prints {@code holding} and waits to be killed.</li>
 * </ul>
 */
public final class OutboxChild {
    static final String PIXEL = "PIXEL_CRASH";

    private OutboxChild() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[1]);
        switch (args[0]) {
            case "send" -> send(directory, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "store" -> store(directory, Integer.parseInt(args[2]));
            case "hold" -> hold(directory);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Event event(int i) {
        return Event.builder(EventNames.COMPLETE_PAYMENT).eventId("e" + i)
                .page(Page.of("https://shop.example/order/" + i)).build();
    }

    private static void send(Path directory, String baseUrl, int from, int to) {
        try (TikTokEvents tiktok = TikTokEvents.builder().accessToken("test-token").pixelCode(PIXEL).baseUrl(baseUrl)
                .build()) {
            LocalOutbox outbox = LocalOutbox.builder(directory).build();
            EventProcessor processor = tiktok.processor(ProcessorOptions.builder().maxDelay(Duration.ofMillis(50))
                    .drainOnShutdown(false).build(), outbox);
            for (int i = from; i < to; i++) {
                if (!processor.enqueue(event(i))) {
                    throw new IllegalStateException("refused e" + i);
                }
                System.out.println("stored " + i);
            }
            while (outbox.size() > 0) {
                processor.flush(Duration.ofSeconds(30));
            }
            processor.close();
            System.out.println("drained");
        }
    }

    private static void store(Path directory, int count) throws InterruptedException {
        LocalOutbox outbox = LocalOutbox.builder(directory).durability(LocalOutbox.Durability.EACH_EVENT).build();
        for (int i = 0; i < count; i++) {
            outbox.store(io.github.tiktokevents.outbox.OutboxEvent.of(event(i), io.github.tiktokevents.ApiEdition.EVENTS_V2));
        }
        System.out.println("stored-all");
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void hold(Path directory) throws InterruptedException {
        LocalOutbox.builder(directory).build();
        System.out.println("holding");
        Thread.sleep(Long.MAX_VALUE);
    }
}
