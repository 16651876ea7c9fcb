package io.github.tiktokevents.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.wire.EventTrackBody;
import io.github.tiktokevents.internal.wire.PixelBody;
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
 * Benchmark 1 (and 3, with {@code -prof gc}): the cost of turning the quick-start event into request bytes, in each
 * API edition.
 *
 * <ul>
 *   <li>{@code sdkPrepare}: the SDK's whole path before the network for Events API 2.0: build the event (validate,
 *       normalise, SHA-256 hash email, phone and external id), then write the {@code /event/track/} body into an okio
 *       buffer, as OkHttp does when it sends it; the body makes the event's 2.0 JSON on first use, as {@code send}
 *       does.</li>
 *   <li>{@code baseline}: the 2.0 minimum by hand: three SHA-256 hex digests put into a pre-built Gson tree,
 *       serialised once to UTF-8.</li>
 *   <li>{@code sdkPreparePixel}: the same for Events API 1.0, exactly what {@code send} does for a client built with
 *       {@code ApiEdition.PIXEL_V1}: build the event, make the {@code /pixel/track/} body with
 *       {@code PixelBody.track} (its envelope head made once per client, as {@code send} does) and write it into the
 *       buffer; the body makes the event's 1.0 properties on first use.</li>
 *   <li>{@code baselinePixel}: the 1.0 minimum by hand: the same three digests put into a pre-built Gson tree shaped
 *       like the 1.0 body, serialised once to UTF-8.</li>
 * </ul>
 * The set-up checks, for each edition, that the SDK's body and the baseline's body are the same JSON, so both sides
 * do the same job.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PreparationBenchmark {
    private final Gson gson = new Gson();
    private Sha256Hex sha256;
    private JsonObject request;
    private JsonObject user;
    private JsonObject pixelRequest;
    private JsonObject pixelUser;
    /** Stands in for the connection: OkHttp writes request bodies into pooled okio segments like these. */
    private final Buffer body = new Buffer();
    private byte[] envelopeHead;
    private byte[] pixelHead;

    /**
     * Builds the baselines' reusable pieces (one digest and the pre-built trees) and checks that each baseline
     * writes the same JSON as the SDK.
     *
     * @throws IOException never: the sink is in memory
     */
    @Setup
    public void setUp() throws IOException {
        sha256 = new Sha256Hex();
        request = QuickStartJson.request("123456789");
        user = QuickStartJson.user(request);
        pixelRequest = QuickStartJson.pixelRequest("123456789");
        pixelUser = QuickStartJson.pixelUser(pixelRequest);
        // the SDK makes the 2.0 head once per client and source, so the benchmark does too
        envelopeHead = EventTrackBody.envelopeHead(EventSource.WEB, QuickStartJson.PIXEL, null, null);
        pixelHead = PixelBody.trackHead(QuickStartJson.PIXEL, null, null);

        Buffer check = new Buffer();
        new EventTrackBody(envelopeHead, List.of(QuickStartEvent.build("123456789"))).writeTo(check);
        sameJson("2.0", check.readUtf8(), new String(baseline(), StandardCharsets.UTF_8));
        PixelBody.track(pixelHead, QuickStartEvent.build("123456789")).writeTo(check);
        sameJson("1.0", check.readUtf8(), new String(baselinePixel(), StandardCharsets.UTF_8));
    }

    private static void sameJson(String edition, String sdk, String baseline) {
        if (!JsonParser.parseString(sdk).equals(JsonParser.parseString(baseline))) {
            throw new IllegalStateException("the " + edition + " baseline does not write what the SDK writes:\nSDK:      "
                    + sdk + "\nbaseline: " + baseline);
        }
    }

    /**
     * The SDK's preparation of one event for Events API 2.0, as {@code send} does it for an {@code EVENTS_V2} client.
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
     * The hand-written minimum for Events API 2.0.
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

    /**
     * The SDK's preparation of one event for Events API 1.0, as {@code send} does it for a {@code PIXEL_V1} client.
     *
     * @return the body's size, so the JIT cannot drop the work
     * @throws IOException never: the sink is in memory
     */
    @Benchmark
    public long sdkPreparePixel() throws IOException {
        Event event = QuickStartEvent.build("123456789");
        PixelBody.track(pixelHead, event).writeTo(body);
        long size = body.size();
        body.clear();
        return size;
    }

    /**
     * The hand-written minimum for Events API 1.0.
     *
     * @return the request body bytes
     */
    @Benchmark
    public byte[] baselinePixel() {
        pixelUser.addProperty("email", sha256.hash(QuickStartJson.EMAIL));
        pixelUser.addProperty("phone_number", sha256.hash(QuickStartJson.PHONE));
        pixelUser.addProperty("external_id", sha256.hash(QuickStartJson.EXTERNAL_ID));
        return gson.toJson(pixelRequest).getBytes(StandardCharsets.UTF_8);
    }
}
