package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * Benchmark 2: 100,000 prepared events delivered to a loopback server.
 *
 * <ul>
 *   <li>{@code sdkProcessor}: enqueued one by one into the SDK's background processor (batches of 1,000, its default of
 *       4 requests in flight, a queue that makes the producer wait rather than reject), then {@code flush()}; every
 *       event must be reported delivered.</li>
 *   <li>{@code rawOkHttp}: the same events pre-serialised into 100 bodies of 1,000, posted over one OkHttp client
 *       with the same 4 requests in flight, waiting for every answer.</li>
 * </ul>
 * Both measure one whole run (single shot); the events are built before the measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 12)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class ThroughputBenchmark {
    static final int EVENTS = 100_000;
    static final int BATCH = 1_000;
    static final int IN_FLIGHT = 4;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private LoopbackTikTok server;
    private TikTokEvents tiktok;
    private OkHttpClient raw;
    private List<Event> events;
    private List<byte[]> bodies;

    /**
     * Starts the server and clients and prepares both sides' inputs.
     *
     * @throws IOException if the server cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = LoopbackTikTok.start();
        tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                .baseUrl(server.baseUrl()).build();
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(IN_FLIGHT);
        dispatcher.setMaxRequestsPerHost(IN_FLIGHT);
        raw = new OkHttpClient.Builder().dispatcher(dispatcher).build();

        events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(QuickStartEvent.build("event-" + i));
        }
        bodies = RawBodies.of(EVENTS, BATCH);
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tiktok.close();
        raw.dispatcher().executorService().shutdown();
        raw.connectionPool().evictAll();
        server.close();
    }

    /**
     * All events through the SDK's processor.
     *
     * @return the number of events delivered
     */
    @Benchmark
    public long sdkProcessor() {
        AtomicLong delivered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ProcessorOptions options = ProcessorOptions.builder()
                .maxBatchSize(BATCH)
                .maxRequestsInFlight(IN_FLIGHT)
                .queueFullPolicy(QueueFullPolicy.BLOCK_WITH_TIMEOUT)
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
                .build();
        try (EventProcessor processor = tiktok.processor(options)) {
            for (Event event : events) {
                processor.enqueue(event);
            }
            processor.flush();
        }
        if (delivered.get() != EVENTS || failed.get() != 0) {
            throw new IllegalStateException("delivered " + delivered + ", failed " + failed + " of " + EVENTS);
        }
        return delivered.get();
    }

    /**
     * The same events, pre-serialised, posted with raw OkHttp.
     *
     * @return the number of bodies answered
     * @throws InterruptedException if interrupted while waiting
     */
    @Benchmark
    public long rawOkHttp() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(bodies.size());
        AtomicLong ok = new AtomicLong();
        String url = server.baseUrl() + "/open_api/v1.3/event/track/";
        for (byte[] body : bodies) {
            Request request = new Request.Builder().url(url).header("Access-Token", "bench-token")
                    .post(RequestBody.create(body, JSON)).build();
            raw.newCall(request).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    answered.countDown();
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        if (response.isSuccessful()) {
                            response.body().string();
                            ok.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // counted as not ok below
                    } finally {
                        answered.countDown();
                    }
                }
            });
        }
        answered.await();
        if (ok.get() != bodies.size()) {
            throw new IllegalStateException("only " + ok + " of " + bodies.size() + " bodies were answered");
        }
        return ok.get();
    }
}
