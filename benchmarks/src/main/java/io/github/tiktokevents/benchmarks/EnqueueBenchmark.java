package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: the cost a caller on the request path pays to hand over one prepared event, sampled per call (median
 * and 99th percentile), while a background thread keeps draining the queue.
 *
 * <ul>
 *   <li>{@code sdkEnqueue}: {@code EventProcessor.enqueue}, whose delivery thread posts batches of 1,000 to a
 *       loopback server meanwhile.</li>
 *   <li>{@code bareOffer}: {@code ArrayBlockingQueue.offer} of the same event, with a consumer thread draining it.</li>
 * </ul>
 * Both queues are sized so that neither fills during an iteration: this measures the hand-over, not backpressure.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class EnqueueBenchmark {
    private static final int CAPACITY = 40_000_000;

    /** The SDK side: a client, a loopback server and a processor renewed every iteration. */
    @State(Scope.Benchmark)
    public static class Sdk {
        LoopbackTikTok server;
        TikTokEvents tiktok;
        EventProcessor processor;
        Event event;

        /**
         * Starts the server and client.
         *
         * @throws IOException if the server cannot start
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LoopbackTikTok.start();
            tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                    .baseUrl(server.baseUrl()).build();
            event = QuickStartEvent.build("123456789");
        }

        /** A fresh processor with room for everything one iteration enqueues. */
        @Setup(Level.Iteration)
        public void openProcessor() {
            processor = tiktok.processor(ProcessorOptions.builder()
                    .queueCapacity(CAPACITY)
                    .queueCapacityBytes(Long.MAX_VALUE)
                    .queueFullPolicy(QueueFullPolicy.REJECT)
                    .listener((eventId, error) -> { })
                    .build());
        }

        /** Gives up what is still queued: the next iteration starts empty. */
        @TearDown(Level.Iteration)
        public void closeProcessor() {
            processor.close(Duration.ofMillis(100));
        }

        /** Stops everything. */
        @TearDown(Level.Trial)
        public void stop() {
            tiktok.close();
            server.close();
        }
    }

    /** The baseline side: a bounded queue and a thread that keeps emptying it. */
    @State(Scope.Benchmark)
    public static class Bare {
        ArrayBlockingQueue<Event> queue;
        Thread consumer;
        Event event;

        /** Starts the consumer. */
        @Setup(Level.Iteration)
        public void start() {
            event = QuickStartEvent.build("123456789");
            queue = new ArrayBlockingQueue<>(CAPACITY);
            ArrayBlockingQueue<Event> drained = queue;
            consumer = new Thread(() -> {
                List<Event> batch = new ArrayList<>(1000);
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        batch.add(drained.take());
                        drained.drainTo(batch, 999);
                        batch.clear();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bare-queue-consumer");
            consumer.setDaemon(true);
            consumer.start();
        }

        /**
         * Stops the consumer.
         *
         * @throws InterruptedException if interrupted while waiting for it
         */
        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            consumer.interrupt();
            consumer.join();
        }
    }

    /**
     * One hand-over to the SDK's processor.
     *
     * @param sdk the SDK side
     * @return whether the event was accepted
     */
    @Benchmark
    public boolean sdkEnqueue(Sdk sdk) {
        return sdk.processor.enqueue(sdk.event);
    }

    /**
     * One hand-over to a bare queue.
     *
     * @param bare the baseline side
     * @return whether the event was accepted
     */
    @Benchmark
    public boolean bareOffer(Bare bare) {
        return bare.queue.offer(bare.event);
    }
}
