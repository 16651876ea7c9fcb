package io.github.tiktokevents.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.wire.EventTrackBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 1 (and 3, with {@code -prof gc}): the cost of turning the quick-start event into request bytes.
 *
 * <ul>
 *   <li>{@code sdkPrepare}: the SDK's whole path before the network: build the event (validate, normalise, SHA-256
 *       hash email, phone and external id, serialise its JSON once), then write the Events API 2.0 request body
 *       into an okio buffer, as OkHttp does when it sends it.</li>
 *   <li>{@code baseline}: the minimum by hand: three SHA-256 hex digests put into a pre-built Gson tree, serialised
 *       once to UTF-8.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PreparationBenchmark {
    private final Gson gson = new Gson();
    private Sha256Hex sha256;
    private JsonObject request;
    private JsonObject user;
    /** Stands in for the connection: OkHttp writes request bodies into pooled okio segments like these. */
    private final Buffer body = new Buffer();
    private byte[] envelopeHead;

    /** Builds the baseline's reusable pieces: one digest and the pre-built tree. */
    @Setup
    public void setUp() {
        sha256 = new Sha256Hex();
        request = QuickStartJson.request("123456789");
        user = QuickStartJson.user(request);
        // the SDK makes the head once per client and source, so the benchmark does too
        envelopeHead = EventTrackBody.envelopeHead(EventSource.WEB, QuickStartJson.PIXEL, null, null);
    }

    /**
     * The SDK's preparation of one event.
     *
     * @return the body's size, so the JIT cannot drop the work
     * @throws IOException never: the sink is in memory
     */
    @Benchmark
    public long sdkPrepare() throws IOException {
        Event event = QuickStartEvent.build("123456789");
        new EventTrackBody(envelopeHead, List.of(event)).writeTo(body);
        long size = body.size();
        body.clear();
        return size;
    }

    /**
     * The hand-written minimum.
     *
     * @return the request body bytes
     */
    @Benchmark
    public byte[] baseline() {
        user.addProperty("email", sha256.hash(QuickStartJson.EMAIL));
        user.addProperty("phone", sha256.hash(QuickStartJson.PHONE));
        user.addProperty("external_id", sha256.hash(QuickStartJson.EXTERNAL_ID));
        return gson.toJson(request).getBytes(StandardCharsets.UTF_8);
    }
}
