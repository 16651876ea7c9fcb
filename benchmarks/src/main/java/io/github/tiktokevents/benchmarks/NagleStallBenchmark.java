package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Benchmark 6: the check that {@link LoopbackTikTok} does not hide Nagle's stall. {@value #REQUESTS} Events API 1.0
 * requests of 50 events (about 50 KB each, which OkHttp writes in 8 KiB pieces) posted one after another by a plain
 * {@code new OkHttpClient()}, which leaves Nagle's algorithm on, and by the SDK given that same kind of client.
 * On a server that turns Nagle off for its clients, or answers before reading the whole body, both would be fast; on
 * this one the plain client waits for the server's delayed ACK on every request, so the benchmark shows what the
 * stall costs and that the SDK avoids it even on a client it did not build. Both are measured in each invocation.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class NagleStallBenchmark {
    /** Requests per invocation and side. */
    static final int REQUESTS = 20;
    private static final int BODY = 50;

    private LoopbackTikTok server;
    private List<Event> events;
    private OkHttpClient plainForSdk;
    private TikTokEvents tiktok;
    private PlainOkHttp nagle;

    /** Each side's time for {@value #REQUESTS} requests, in milliseconds, one value per invocation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        /** A plain {@code new OkHttpClient()} posting the pre-made bodies. */
        public double nagleOnMs;
        /** The SDK's {@code sendBatch}, built with its own {@code new OkHttpClient()}. */
        public double sdkOnPlainClientMs;

        /** One invocation per iteration: start it from zero. */
        @Setup(Level.Iteration)
        public void clear() {
            nagleOnMs = 0;
            sdkOnPlainClientMs = 0;
        }
    }

    /**
     * Starts the server and both clients.
     *
     * @throws IOException if the server cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = LoopbackTikTok.start();
        events = new ArrayList<>(REQUESTS * BODY);
        for (int i = 0; i < REQUESTS * BODY; i++) {
            events.add(QuickStartEvent.build("event-" + i));
        }
        List<byte[]> bodies = RawBodies.of(events, BODY, ApiEdition.PIXEL_V1);
        nagle = new PlainOkHttp(new OkHttpClient(), server.baseUrl() + RawBodies.path(ApiEdition.PIXEL_V1), bodies);
        plainForSdk = new OkHttpClient();
        tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                .baseUrl(server.baseUrl()).apiEdition(ApiEdition.PIXEL_V1).pixelBatchSize(BODY)
                .httpClient(plainForSdk).build();
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tiktok.close();
        plainForSdk.dispatcher().executorService().shutdown();
        plainForSdk.connectionPool().evictAll();
        nagle.close();
        server.close();
    }

    /**
     * Both sides, one after the other.
     *
     * @param times where each side's time goes
     * @throws IOException if a request fails
     */
    @Benchmark
    public void oneAtATime(Times times) throws IOException {
        long start = System.nanoTime();
        nagle.postSequentially();
        times.nagleOnMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        if (!tiktok.sendBatch(events).allSucceeded()) {
            throw new IllegalStateException("the SDK's batch failed");
        }
        times.sdkOnPlainClientMs = (System.nanoTime() - start) / 1e6;
    }
}
