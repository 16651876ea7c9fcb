package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 2: {@value #EVENTS} prepared events delivered to {@link LoopbackTikTok} (default socket options) through
 * each of the SDK's send paths, in each API edition, in request bodies of 50 and of 1,000 events, each measured
 * beside two baselines that post the same bytes at the same concurrency.
 *
 * <ul>
 *   <li>{@code sendBatch}: {@code TikTokEvents.sendBatch}, blocking, one request after another (for Events API 2.0
 *       in bodies of 50, one call per 50 events, since the SDK itself fills requests up to 1,000); one request in
 *       flight on each side.</li>
 *   <li>{@code sendBatchAsync}: {@code sendBatchAsync}, every future first, then all joined; OkHttp's dispatcher
 *       runs at most {@value #ASYNC_IN_FLIGHT} requests to one host at once, so the baselines keep
 *       {@value #ASYNC_IN_FLIGHT} in flight.</li>
 *   <li>{@code processor}: every event enqueued into a background {@link EventProcessor} (open for the whole trial,
 *       as an application keeps one), then {@code flush()}; its default of {@value #PROCESSOR_IN_FLIGHT} requests in
 *       flight, and {@value #PROCESSOR_IN_FLIGHT} on the baselines.</li>
 * </ul>
 *
 * <p>Each invocation delivers the events three times, in an order that rotates from one invocation to the next:
 * through the SDK ({@code sdkMs}); through {@link PlainOkHttp}, the baseline of the targets ({@code okhttpMs}); and
 * through {@link RawSocketClient}s, which show what the wire and the server allow ({@code socketMs}). The three
 * times are reported as JMH auxiliary counters, one value per invocation. Measuring the sides of a comparison in
 * the same invocation, rather than in forks minutes apart, matters on a shared 2-core machine whose speed drifts
 * by a factor of two over minutes: the drift then hits both sides of every pair alike. After each delivery the
 * server's event count must have grown by exactly {@value #EVENTS}.
 *
 * <p>The SDK client is built as users build it: {@code TikTokEvents.builder()} with its own HTTP client and
 * default settings (token, pixel, base URL, edition and the 1.0 batch size aside). The events are built, and their
 * bytes for the edition made, before the measurement, as the baselines' bytes are: preparation is benchmark 1.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// 30 warm-up invocations: after 10, the just-in-time compiler was still at work on this 2-core machine (see Baselines)
@Warmup(iterations = 30)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ThroughputBenchmark {
    /** Events per delivery. */
    static final int EVENTS = 20_000;
    /** Requests per path and side before measuring. */
    static final int WARM_UP_REQUESTS = 1_000;
    /** The processor's default {@code maxRequestsInFlight}. */
    static final int PROCESSOR_IN_FLIGHT = 4;
    /** OkHttp's default {@code Dispatcher.maxRequestsPerHost}, which bounds {@code sendBatchAsync}. */
    static final int ASYNC_IN_FLIGHT = 5;

    /** The server, the events, the SDK client and the OkHttp baseline, for one edition and body size. */
    @State(Scope.Benchmark)
    public static class Delivery {
        /** Which API the events go to. */
        @Param({"EVENTS_V2", "PIXEL_V1"})
        public ApiEdition edition;
        /** Events per request body. */
        @Param({"50", "1000"})
        public int bodySize;

        LoopbackTikTok server;
        List<Event> events;
        /** What each {@code sendBatch} call gets: all events, or for 2.0 in bodies of 50, 50 at a time. */
        List<List<Event>> calls;
        List<byte[]> bodies;
        TikTokEvents tiktok;
        PlainOkHttp okhttp;

        /**
         * Starts the server, builds the events and both clients, and makes the baselines' bodies.
         *
         * @throws Exception if the server cannot start or a warm-up request fails
         */
        @Setup(Level.Trial)
        public void start() throws Exception {
            server = LoopbackTikTok.start();
            events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(QuickStartEvent.build("event-" + i));
            }
            // makes and keeps each event's bytes of this edition too, which the SDK then only copies
            bodies = RawBodies.of(events, bodySize, edition);
            calls = edition == ApiEdition.EVENTS_V2 && bodySize < TikTokEvents.MAX_EVENTS_PER_REQUEST
                    ? chunks(events, bodySize) : List.of(events);
            TikTokEventsBuilder builder = TikTokEvents.builder().accessToken("bench-token")
                    .pixelCode(QuickStartJson.PIXEL).baseUrl(server.baseUrl()).apiEdition(edition);
            if (edition == ApiEdition.PIXEL_V1) {
                builder.pixelBatchSize(bodySize);
            }
            tiktok = builder.build();
            okhttp = new PlainOkHttp(server.baseUrl() + RawBodies.path(edition), bodies);
            warmUp();
        }

        /**
         * Sends {@value #WARM_UP_REQUESTS} requests of two events through every path of every side before the first
         * measurement, so that the code that runs once per request is compiled as it is in a running application.
         * JMH's warm-up invocations alone do not get there with bodies of 1,000 events, 20 requests each.
         */
        private void warmUp() throws Exception {
            List<Event> few = events.subList(0, WARM_UP_REQUESTS * 2);
            List<List<Event>> pairs = chunks(few, 2);
            for (List<Event> pair : pairs) {
                check(tiktok.sendBatch(pair));
            }
            List<CompletableFuture<BatchResult>> futures = new ArrayList<>(pairs.size());
            for (List<Event> pair : pairs) {
                futures.add(tiktok.sendBatchAsync(pair));
            }
            for (CompletableFuture<BatchResult> future : futures) {
                check(future.join());
            }
            try (EventProcessor processor = tiktok.processor(ProcessorOptions.builder().maxBatchSize(2)
                    .enqueueTimeout(Duration.ofMinutes(1)).build())) {
                for (Event event : few) {
                    processor.enqueue(event);
                }
                processor.flush();
            }
            PlainOkHttp small = okhttp.with(RawBodies.of(few, 2, edition));
            small.postSequentially();
            small.postConcurrently(ASYNC_IN_FLIGHT);
            try (RawSocketClient.Pool sockets = new RawSocketClient.Pool(ASYNC_IN_FLIGHT, server.port(),
                    RawBodies.of(few, 2, edition), RawBodies.path(edition))) {
                sockets.postAll();
            }
        }

        /** Stops everything. */
        @TearDown(Level.Trial)
        public void stop() {
            tiktok.close();
            okhttp.close();
            server.close();
        }

        static List<List<Event>> chunks(List<Event> events, int size) {
            List<List<Event>> chunks = new ArrayList<>();
            for (int start = 0; start < events.size(); start += size) {
                chunks.add(events.subList(start, Math.min(events.size(), start + size)));
            }
            return chunks;
        }
    }

    /** A processor kept open for the whole trial, as an application keeps one. */
    @State(Scope.Benchmark)
    public static class Processor {
        EventProcessor processor;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        /**
         * Opens the processor: batches of the body size, otherwise the defaults.
         *
         * @param delivery the client and body size
         */
        @Setup(Level.Trial)
        public void open(Delivery delivery) {
            processor = delivery.tiktok.processor(ProcessorOptions.builder()
                    .maxBatchSize(delivery.bodySize)
                    // wait for room rather than reject: 20,000 events exceed the queue's default bounds
                    .enqueueTimeout(Duration.ofMinutes(1))
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
                    .build());
        }

        /** Closes the processor. */
        @TearDown(Level.Trial)
        public void close() {
            processor.close();
        }
    }

    /** Raw socket connections, opened before measuring; how many is set by the subclass. */
    public abstract static class Sockets {
        private final int count;
        RawSocketClient.Pool pool;

        Sockets(int count) {
            this.count = count;
        }

        /**
         * Opens the connections.
         *
         * @param delivery the server and bodies
         * @throws IOException if a connection fails
         */
        @Setup(Level.Trial)
        public void open(Delivery delivery) throws IOException {
            pool = new RawSocketClient.Pool(count, delivery.server.port(), delivery.bodies,
                    RawBodies.path(delivery.edition));
        }

        /**
         * Closes the connections.
         *
         * @throws IOException if one fails to close
         */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            pool.close();
        }
    }

    /** One connection. */
    @State(Scope.Benchmark)
    public static class Sockets1 extends Sockets {
        /** One connection. */
        public Sockets1() {
            super(1);
        }
    }

    /** Four connections. */
    @State(Scope.Benchmark)
    public static class Sockets4 extends Sockets {
        /** Four connections. */
        public Sockets4() {
            super(PROCESSOR_IN_FLIGHT);
        }
    }

    /** Five connections. */
    @State(Scope.Benchmark)
    public static class Sockets5 extends Sockets {
        /** Five connections. */
        public Sockets5() {
            super(ASYNC_IN_FLIGHT);
        }
    }

    /**
     * Each side's time for one delivery of all events, in milliseconds: JMH reports each as a secondary result
     * whose raw data holds one value per invocation.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** Through the SDK. */
        public double sdkMs;
        /** Through plain OkHttp, the targets' baseline. */
        public double okhttpMs;
        /** Through raw sockets, one write per request. */
        public double socketMs;
        private int invocations;

        /** One invocation per iteration: start it from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            sdkMs = 0;
            okhttpMs = 0;
            socketMs = 0;
        }

        /** Delivers through every side, each in turn first, and notes each side's time. */
        void measure(Delivery delivery, Side sdk, Side okhttp, Side socket) throws Exception {
            Side[] sides = {sdk, okhttp, socket};
            double[] millis = new double[3];
            int first = invocations++ % 3;
            for (int i = 0; i < 3; i++) {
                int side = (first + i) % 3;
                long before = delivery.server.events();
                long start = System.nanoTime();
                sides[side].deliver();
                millis[side] = (System.nanoTime() - start) / 1e6;
                long got = delivery.server.events() - before;
                if (got != EVENTS) {
                    throw new IllegalStateException("the server counted " + got + " events, not " + EVENTS);
                }
            }
            sdkMs = millis[0];
            okhttpMs = millis[1];
            socketMs = millis[2];
        }
    }

    /** One side's delivery of all the events. */
    @FunctionalInterface
    interface Side {
        void deliver() throws Exception;
    }

    /**
     * {@code sendBatch}, blocking, one request after another; the baselines post one request at a time.
     *
     * @param delivery the events and clients
     * @param sockets one connection
     * @param times where each side's time goes
     * @throws Exception if a delivery fails
     */
    @Benchmark
    public void sendBatch(Delivery delivery, Sockets1 sockets, Times times) throws Exception {
        times.measure(delivery, () -> {
            for (List<Event> call : delivery.calls) {
                check(delivery.tiktok.sendBatch(call));
            }
        }, delivery.okhttp::postSequentially, sockets.pool::postAll);
    }

    /**
     * {@code sendBatchAsync}, every future first, then all joined; the baselines keep
     * {@value #ASYNC_IN_FLIGHT} requests in flight.
     *
     * @param delivery the events and clients
     * @param sockets five connections
     * @param times where each side's time goes
     * @throws Exception if a delivery fails
     */
    @Benchmark
    public void sendBatchAsync(Delivery delivery, Sockets5 sockets, Times times) throws Exception {
        times.measure(delivery, () -> {
            List<CompletableFuture<BatchResult>> futures = new ArrayList<>(delivery.calls.size());
            for (List<Event> call : delivery.calls) {
                futures.add(delivery.tiktok.sendBatchAsync(call));
            }
            for (CompletableFuture<BatchResult> future : futures) {
                check(future.join());
            }
        }, () -> delivery.okhttp.postConcurrently(ASYNC_IN_FLIGHT), sockets.pool::postAll);
    }

    /**
     * The processor: every event enqueued, then {@code flush()}; the baselines keep {@value #PROCESSOR_IN_FLIGHT}
     * requests in flight.
     *
     * @param delivery the events and clients
     * @param processor the open processor
     * @param sockets four connections
     * @param times where each side's time goes
     * @throws Exception if a delivery fails
     */
    @Benchmark
    public void processor(Delivery delivery, Processor processor, Sockets4 sockets, Times times) throws Exception {
        times.measure(delivery, () -> {
            long before = processor.delivered.get();
            for (Event event : delivery.events) {
                processor.processor.enqueue(event);
            }
            processor.processor.flush();
            long delivered = processor.delivered.get() - before;
            if (delivered != EVENTS || processor.failed.get() != 0) {
                throw new IllegalStateException("delivered " + delivered + ", failed " + processor.failed);
            }
        }, () -> delivery.okhttp.postConcurrently(PROCESSOR_IN_FLIGHT), sockets.pool::postAll);
    }

    static void check(BatchResult result) {
        if (!result.allSucceeded()) {
            throw new IllegalStateException("failed: " + result.failedChunks());
        }
    }

}
