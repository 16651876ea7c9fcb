package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.outbox.local.LocalOutbox;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Benchmark 7: durable delivery beside the in-memory processor, in the same run, each processor sending to
 * {@link LoopbackTikTok}.
 *
 * <ul>
 *   <li>{@code enqueue}: the caller's cost of one {@code enqueue}, sampled per call (median and p99), for the
 *       in-memory processor and for a processor on a {@link LocalOutbox} with each durability: {@code grouped}
 *       (written to the operating system, forced to disk every 10 ms) and {@code each} (forced to disk before
 *       {@code enqueue} returns, so bound by the disk's sync time).</li>
 *   <li>{@code endToEnd}: {@value #EVENTS} events enqueued by one thread, then {@code flush()}: until every one is
 *       delivered (and, with an outbox, removed from it); events per second.</li>
 * </ul>
 * Each outbox lives in a fresh temporary directory per iteration, deleted afterwards.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class OutboxBenchmark {
    /** Events per end-to-end invocation; small enough that a disk sync per event stays within seconds. */
    static final int EVENTS = 2_000;
    /** The durable variants, in the report's order. */
    static final List<String> DURABLE = List.of("grouped", "each");

    /** The report's words for a variant. */
    static String describe(String outbox) {
        return switch (outbox) {
            case "grouped" -> "local outbox (SQLite), GROUPED (synced every 10 ms)";
            case "each" -> "local outbox (SQLite), EACH_EVENT (synced per event)";
            default -> "in-memory processor";
        };
    }

    /** A loopback server, a client and a processor of the chosen kind, renewed every iteration. */
    @State(Scope.Benchmark)
    public static class Durable {
        @Param({"memory", "grouped", "each"})
        public String outbox;

        LoopbackTikTok server;
        TikTokEvents tiktok;
        EventProcessor processor;
        Path directory;
        Event event;
        List<Event> events;

        /**
         * Starts the server and client and builds the events.
         *
         * @throws IOException if the server cannot start
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LoopbackTikTok.start();
            tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                    .baseUrl(server.baseUrl()).build();
            event = QuickStartEvent.build("123456789");
            events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(QuickStartEvent.build("123456789"));
            }
        }

        /**
         * A fresh processor (and outbox directory) with room for everything an iteration enqueues.
         *
         * @throws IOException if the directory cannot be made
         */
        @Setup(Level.Iteration)
        public void openProcessor() throws IOException {
            ProcessorOptions options = ProcessorOptions.builder().queueCapacity(40_000_000)
                    .queueCapacityBytes(Long.MAX_VALUE).queueFullPolicy(QueueFullPolicy.REJECT)
                    .drainOnShutdown(false).listener((eventId, error) -> { }).build();
            if (outbox.equals("memory")) {
                processor = tiktok.processor(options);
                return;
            }
            directory = Files.createTempDirectory("outbox-bench");
            LocalOutbox local = LocalOutbox.builder(directory).capacity(Integer.MAX_VALUE).capacityBytes(Long.MAX_VALUE)
                    .durability(outbox.equals("each") ? LocalOutbox.Durability.EACH_EVENT : LocalOutbox.Durability.GROUPED)
                    .build();
            processor = tiktok.processor(options, local);
        }

        /** Gives up what is still queued and deletes the outbox. */
        @TearDown(Level.Iteration)
        public void closeProcessor() {
            processor.close(Duration.ofMillis(100));
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                directory = null;
            }
        }

        /** Stops everything. */
        @TearDown(Level.Trial)
        public void stop() {
            tiktok.close();
            server.close();
        }
    }

    /**
     * One enqueue.
     *
     * @param state the processor
     * @return whether the event was accepted
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 2)
    public boolean enqueue(Durable state) {
        return state.processor.enqueue(state.event);
    }

    /**
     * {@value #EVENTS} events enqueued, then delivered.
     *
     * @param state the processor
     * @return whether all were delivered
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public boolean endToEnd(Durable state) {
        for (Event each : state.events) {
            state.processor.enqueue(each);
        }
        boolean delivered = state.processor.flush(Duration.ofMinutes(2));
        if (!delivered) {
            throw new IllegalStateException("not every event was delivered");
        }
        return delivered;
    }
}
