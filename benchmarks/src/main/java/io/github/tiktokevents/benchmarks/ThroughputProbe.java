package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A quicker, finer look at one row of benchmark 2 than JMH gives, for finding where the SDK's time goes: one JVM
 * delivers the same {@value ThroughputBenchmark#EVENTS} events through the SDK and through {@link PlainOkHttp}, one
 * after the other, round after round, against one {@link LoopbackTikTok}, and every ten rounds prints each side's
 * median time, the median of the paired ratios, and each side's CPU time and allocation per delivery (summed over
 * every thread of the JVM, the server's included). Comparing two builds: run the probe from each build's jar in turn,
 * several times; one run moves a ratio by up to ten points on a shared 2-core machine.
 *
 * <pre>{@code
 * java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar io.github.tiktokevents.benchmarks.ThroughputProbe \
 *     processor EVENTS_V2 50 60
 * }</pre>
 *
 * <p>Arguments: the path ({@code sendBatch}, {@code sendBatchAsync} or {@code processor}), the edition, the events per
 * request body, and the rounds (a multiple of ten; the first thirty are the just-in-time compiler's, see
 * {@link Baselines}). With {@code -Dprobe.windows=FILE} it also writes, for each delivery, the side and its start and
 * end in {@link System#nanoTime()}: {@code perf record -k CLOCK_MONOTONIC} stamps samples on the same clock, so
 * {@link PerfBySide} can then split a profile between the two sides of one JVM (separate JVMs compile differently).
 */
public final class ThroughputProbe {
    private static final int BLOCK = 10;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean allocation =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final StringBuilder windows = new StringBuilder();

    private ThroughputProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args path, edition, body size, rounds
     * @throws Exception if a delivery fails or the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ThroughputProbe sendBatch|sendBatchAsync|processor EVENTS_V2|PIXEL_V1 BODY_SIZE ROUNDS");
            System.exit(2);
        }
        new ThroughputProbe().run(args[0], ApiEdition.valueOf(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
    }

    private void run(String path, ApiEdition edition, int bodySize, int rounds) throws Exception {
        int events = ThroughputBenchmark.EVENTS;
        try (LoopbackTikTok server = LoopbackTikTok.start()) {
            List<Event> built = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                built.add(QuickStartEvent.build("event-" + i));
            }
            List<byte[]> bodies = RawBodies.of(built, bodySize, edition);
            TikTokEventsBuilder builder = TikTokEvents.builder().accessToken("bench-token")
                    .pixelCode(QuickStartJson.PIXEL).baseUrl(server.baseUrl()).apiEdition(edition);
            if (edition == ApiEdition.PIXEL_V1) {
                builder.pixelBatchSize(bodySize);
            }
            try (TikTokEvents tiktok = builder.build();
                 PlainOkHttp okhttp = new PlainOkHttp(server.baseUrl() + RawBodies.path(edition), bodies);
                 EventProcessor processor = tiktok.processor(ProcessorOptions.builder().maxBatchSize(bodySize)
                         .enqueueTimeout(Duration.ofMinutes(1)).build())) {
                Side sdk = sdkSide(path, tiktok, processor, built, edition, bodySize);
                Side plain = plainSide(path, okhttp);
                measure(rounds, server, sdk, plain);
            }
        }
        String windowFile = System.getProperty("probe.windows");
        if (windowFile != null) {
            Files.writeString(Path.of(windowFile), windows, StandardCharsets.US_ASCII);
        }
    }

    private static Side sdkSide(String path, TikTokEvents tiktok, EventProcessor processor, List<Event> events,
                                ApiEdition edition, int bodySize) {
        // as benchmark 2 calls it: for 2.0 in bodies smaller than a request takes, one call per body
        List<List<Event>> calls = edition == ApiEdition.EVENTS_V2 && bodySize < TikTokEvents.MAX_EVENTS_PER_REQUEST
                ? ThroughputBenchmark.Delivery.chunks(events, bodySize) : List.of(events);
        switch (path) {
            case "sendBatch":
                return () -> {
                    for (List<Event> call : calls) {
                        ThroughputBenchmark.check(tiktok.sendBatch(call));
                    }
                };
            case "sendBatchAsync":
                return () -> {
                    List<CompletableFuture<BatchResult>> futures = new ArrayList<>(calls.size());
                    for (List<Event> call : calls) {
                        futures.add(tiktok.sendBatchAsync(call));
                    }
                    for (CompletableFuture<BatchResult> future : futures) {
                        ThroughputBenchmark.check(future.join());
                    }
                };
            case "processor":
                return () -> {
                    for (Event event : events) {
                        processor.enqueue(event);
                    }
                    if (!processor.flush()) {
                        throw new IllegalStateException("the processor failed to deliver some events");
                    }
                };
            default:
                throw new IllegalArgumentException("no path " + path + "; sendBatch, sendBatchAsync or processor");
        }
    }

    private static Side plainSide(String path, PlainOkHttp okhttp) {
        switch (path) {
            case "sendBatch":
                return okhttp::postSequentially;
            case "sendBatchAsync":
                return () -> okhttp.postConcurrently(ThroughputBenchmark.ASYNC_IN_FLIGHT);
            default:
                return () -> okhttp.postConcurrently(ThroughputBenchmark.PROCESSOR_IN_FLIGHT);
        }
    }

    private void measure(int rounds, LoopbackTikTok server, Side sdk, Side plain) throws Exception {
        double[][] millis = new double[2][BLOCK];
        double[] ratios = new double[BLOCK];
        double[] cpu = new double[2];
        double[] allocated = new double[2];
        for (int round = 0; round < rounds; round++) {
            int slot = round % BLOCK;
            for (int side = 0; side < 2; side++) {
                long cpuBefore = cpuNanos();
                long allocatedBefore = allocatedBytes();
                millis[side][slot] = deliver(side == 0 ? "sdk" : "okhttp", side == 0 ? sdk : plain, server);
                cpu[side] += (cpuNanos() - cpuBefore) / 1e6;
                allocated[side] += (allocatedBytes() - allocatedBefore) / 1e6;
            }
            ratios[slot] = millis[1][slot] / millis[0][slot];
            if (slot == BLOCK - 1) {
                System.out.printf(Locale.ROOT, "rounds %3d-%3d: ms per delivery sdk %6.1f okhttp %6.1f, ratio %.3f;"
                                + " cpu ms sdk %6.1f okhttp %6.1f; MB allocated sdk %5.1f okhttp %5.1f%n",
                        round - BLOCK + 1, round, median(millis[0]), median(millis[1]), median(ratios),
                        cpu[0] / BLOCK, cpu[1] / BLOCK, allocated[0] / BLOCK, allocated[1] / BLOCK);
                Arrays.fill(cpu, 0);
                Arrays.fill(allocated, 0);
            }
        }
    }

    private double deliver(String name, Side side, LoopbackTikTok server) throws Exception {
        long before = server.events();
        long start = System.nanoTime();
        side.deliver();
        long end = System.nanoTime();
        long got = server.events() - before;
        if (got != ThroughputBenchmark.EVENTS) {
            throw new IllegalStateException("the server counted " + got + " events, not " + ThroughputBenchmark.EVENTS);
        }
        windows.append(name).append(' ').append(start).append(' ').append(end).append('\n');
        return (end - start) / 1e6;
    }

    /** CPU time of every live thread: precise, unlike the process's, which the kernel counts in 10 ms ticks. */
    private long cpuNanos() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private long allocatedBytes() {
        long sum = 0;
        for (long bytes : allocation.getThreadAllocatedBytes(allocation.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One side's delivery of all the events. */
    @FunctionalInterface
    private interface Side {
        void deliver() throws Exception;
    }
}
