package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.internal.wire.EventWire;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Benchmark 3, second half: the heap an event holds while it waits in the processor's queue. JMH measures
 * allocation, not retention, so this is a small program: it builds events, keeps them queued behind a server that
 * never answers, and reads the live heap after full collections. It prints {@code key=value} lines.
 *
 * <ul>
 *   <li>{@code retained.event}: bytes per built event (its object graph and hashes; a built event has no request
 *       bytes yet).</li>
 *   <li>{@code retained.eventJson}: bytes per event of its Events API 2.0 JSON, which the processor's enqueue makes
 *       (to count the event against the queue's byte bound) and the event then keeps. It is made here before either
 *       queue, with the call the enqueue uses, so that both queues hold the same events and the queue figures below
 *       are the queues' own overhead.</li>
 *   <li>{@code retained.processorQueue}: extra bytes per event while it is queued in the processor.</li>
 *   <li>{@code retained.bareQueue}: extra bytes per event in a bare {@link ArrayBlockingQueue}, the baseline.</li>
 * </ul>
 */
public final class RetainedMemory {
    private static final int EVENTS = 200_000;

    private RetainedMemory() {
    }

    /**
     * Runs the measurement.
     *
     * @param args unused
     * @throws Exception if the silent server cannot start
     */
    public static void main(String[] args) throws Exception {
        try (SilentServer silent = new SilentServer();
             TikTokEvents tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                     .baseUrl("http://127.0.0.1:" + silent.port()).readTimeout(Duration.ofMinutes(5))
                     .callTimeout(Duration.ofMinutes(5)).build()) {
            long empty = liveHeap();
            List<Event> events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(QuickStartEvent.build(String.format(Locale.ROOT, "event-%09d", i)));
            }
            long built = liveHeap();
            for (Event event : events) {
                EventWire.estimatedSizeBytes(event, ApiEdition.EVENTS_V2); // what EventProcessor.enqueue calls
            }
            long withJson = liveHeap();

            ArrayBlockingQueue<Event> bare = new ArrayBlockingQueue<>(EVENTS);
            bare.addAll(events);
            long bareQueued = liveHeap();
            bare.clear();
            bare = null;

            long beforeProcessor = liveHeap();
            EventProcessor processor = tiktok.processor(ProcessorOptions.builder()
                    .queueCapacity(EVENTS)
                    .queueCapacityBytes(Long.MAX_VALUE)
                    .maxRequestsInFlight(1)
                    .maxDelay(Duration.ofHours(1))
                    .listener((eventId, error) -> { })
                    .build());
            for (Event event : events) {
                processor.enqueue(event);
            }
            long processorQueued = liveHeap();

            System.out.printf(Locale.ROOT, "retained.events=%d%n", EVENTS);
            System.out.printf(Locale.ROOT, "retained.event=%.0f%n", (built - empty) / (double) EVENTS);
            System.out.printf(Locale.ROOT, "retained.eventJson=%.0f%n", (withJson - built) / (double) EVENTS);
            System.out.printf(Locale.ROOT, "retained.bareQueue=%.1f%n", (bareQueued - withJson) / (double) EVENTS);
            System.out.printf(Locale.ROOT, "retained.processorQueue=%.1f%n",
                    (processorQueued - beforeProcessor) / (double) EVENTS);
            processor.close(Duration.ZERO);
            events.clear();
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Accepts connections and never answers, so the processor's requests stay in flight and its queue stays full. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        SilentServer() throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket accepted = socket.accept();
                        synchronized (held) {
                            held.add(accepted);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
