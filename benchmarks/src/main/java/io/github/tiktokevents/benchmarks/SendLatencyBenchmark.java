package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.auth.ApiKeyAuth;
import io.github.tiktokevents.client.model.ContentType;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventProperties;
import io.github.tiktokevents.client.model.EventSource;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.Page;
import io.github.tiktokevents.client.model.TikTokResponse;
import io.github.tiktokevents.event.Event;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
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
 * Benchmark 5: one blocking send of a prepared event to a loopback server, through the SDK's {@code send} and through
 * the raw generated {@link EventApi} with an equivalent, pre-built model. Both share one OkHttp client, so
 * connection reuse is the same on both sides.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SendLatencyBenchmark {
    private LoopbackTikTok server;
    private OkHttpClient http;
    private TikTokEvents tiktok;
    private EventApi raw;
    private Event event;
    private EventTrackRequest rawRequest;

    /**
     * Starts the loopback server and both clients.
     *
     * @throws IOException if the server cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        server = LoopbackTikTok.start();
        http = new OkHttpClient();
        tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                .baseUrl(server.baseUrl()).httpClient(http).build();
        ApiClient apiClient = new ApiClient(http);
        apiClient.setBasePath(server.baseUrl());
        ((ApiKeyAuth) apiClient.getAuthentication("AccessToken")).setApiKey("bench-token");
        raw = new EventApi(apiClient);
        event = QuickStartEvent.build("123456789");
        rawRequest = rawRequest();
    }

    private static EventTrackRequest rawRequest() {
        Sha256Hex sha256 = new Sha256Hex();
        EventUser user = new EventUser()
                .email(new HashedIdentifiers(sha256.hash(QuickStartJson.EMAIL)))
                .phone(new HashedIdentifiers(sha256.hash(QuickStartJson.PHONE)))
                .externalId(new HashedIdentifiers(sha256.hash(QuickStartJson.EXTERNAL_ID)))
                .ttp(QuickStartJson.TTP).ttclid(QuickStartJson.TTCLID)
                .ip(QuickStartJson.IP).userAgent(QuickStartJson.USER_AGENT);
        EventProperties properties = new EventProperties().currency("BRL").value(1.0)
                .description("mock description").query("mock query").contentType(ContentType.PRODUCT)
                .addContentsItem(new io.github.tiktokevents.client.model.Content().contentId("123456789")
                        .contentType(ContentType.PRODUCT).contentName("mock content name")
                        .contentCategory("mock content category").price(1.0).quantity(1));
        EventData data = new EventData().event("ViewContent").eventTime(1675220400L).eventId("123456789")
                .user(user).page(new Page().url("https://www.example.com").referrer("https://www.google.com"))
                .properties(properties);
        return new EventTrackRequest().eventSource(EventSource.WEB).eventSourceId(QuickStartJson.PIXEL)
                .data(List.of(data));
    }

    /** Stops the server and releases the clients. */
    @TearDown(Level.Trial)
    public void tearDown() {
        tiktok.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        server.close();
    }

    /**
     * The SDK's blocking send.
     *
     * @return TikTok's answer
     */
    @Benchmark
    public SendResult sdkSend() {
        return tiktok.send(event);
    }

    /**
     * The generated client's call with an equivalent model.
     *
     * @return TikTok's answer
     * @throws Exception if the call fails
     */
    @Benchmark
    public TikTokResponse rawEventApi() throws Exception {
        return raw.eventTrack("v1.3", rawRequest);
    }
}
