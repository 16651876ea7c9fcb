package io.github.tiktokevents.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.TikTokEventsTestAccess;
import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.internal.delivery.DeliveryRecordingListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The processor through the real client and HTTP: closing loses nothing and leaves no thread behind, flush really
 * waits, enqueue does no network I/O on the caller's thread, and refusals are reported, never dropped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessorLifecycleTest {
    private final MockWebServer server = new MockWebServer();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();
    private GatedTikTok tiktok;

    @BeforeEach
    void start() throws Exception {
        server.start(0);
    }

    @AfterEach
    void stop() {
        if (tiktok != null) {
            tiktok.open();
        }
        server.close();
        Thread.interrupted();
    }

    private TikTokEventsBuilder clientBuilder(GatedTikTok dispatcher) {
        tiktok = dispatcher;
        server.setDispatcher(dispatcher);
        String url = server.url("/").toString();
        return TikTokEvents.builder().accessToken(MockTikTok.TOKEN).pixelCode(MockTikTok.PIXEL).baseUrl(url)
                .retryPolicy(RetryPolicy.none());
    }

    private ProcessorOptions.Builder options(String threadPrefix) {
        return ProcessorOptions.builder().threadNamePrefix(threadPrefix).listener(listener).maxDelay(Duration.ofMinutes(1));
    }

    private static Event web(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example")).build();
    }

    private static Event app(String id) {
        return Event.builder(EventNames.INSTALL_APP).eventId(id).source(EventSource.APP).app(App.of("app-1")).build();
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> live = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                live.add(thread);
            }
        }
        return live;
    }

    @Test
    void clientCloseDeliversEverythingQueuedAndInFlightThenNoThreadRemains() throws Exception {
        Set<Thread> before = liveThreads();
        TikTokEvents client = clientBuilder(GatedTikTok.slow(20)).appId("app-1").build();
        EventProcessor processor = client.processor(options("closing-proc").maxBatchSize(100).maxRequestsInFlight(2).build());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2600; i++) {
            Event event = i % 50 == 0 ? app("a" + i) : web("w" + i);
            ids.add(event.eventId());
            assertThat(processor.enqueue(event)).isTrue();
        }
        tiktok.awaitArrivals(1);
        ProcessorStats atClose = processor.stats();
        assertThat(atClose.queueDepth()).as("events still queued at close").isPositive();
        assertThat(atClose.delivered()).as("not everything was delivered before close").isLessThan(2600);

        client.close();

        assertThat(processor.isClosed()).isTrue();
        assertThat(listener.byId()).hasSize(2600).allSatisfy((id, outcomes) ->
                assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.delivered()).isTrue()));
        assertThat(tiktok.ids).containsAll(ids);
        assertThat(processor.stats().delivered()).isEqualTo(2600);
        assertThat(TikTokEventsTestAccess.httpClient(client).dispatcher().executorService().isTerminated()).isTrue();
        List<String> leftovers = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            String name = thread.getName();
            boolean ours = name.startsWith("closing-proc") || name.startsWith("tiktok-events")
                    || (name.startsWith("OkHttp") && !name.startsWith("OkHttp TaskRunner"));
            if (ours && !before.contains(thread)) {
                leftovers.add(name);
            }
        }
        assertThat(leftovers).as("threads left running after close").isEmpty();
    }

    @Test
    void closeWithATimeoutTooShortReportsTheRestAsFailedWithoutLosingAny() {
        TikTokEvents client = clientBuilder(GatedTikTok.closed()).build();
        EventProcessor processor = client.processor(options("short-close").maxBatchSize(10).maxRequestsInFlight(1).build());
        for (int i = 0; i < 35; i++) {
            processor.enqueue(web("e" + i));
        }

        processor.close(Duration.ZERO);
        client.close();

        assertThat(listener.byId()).hasSize(35).allSatisfy((id, outcomes) -> assertThat(outcomes).singleElement()
                .satisfies(outcome -> assertThat(outcome.error).isInstanceOf(ProcessorClosedException.class)));
        assertThat(processor.stats().failed()).isEqualTo(35);
        assertThat(TikTokEventsTestAccess.httpClient(client).dispatcher().executorService().isTerminated())
                .as("the request TikTok still held was cancelled, so no HTTP thread waits for it").isTrue();
    }

    @Test
    void enqueueReturnsWhileTikTokStillHoldsTheRequestAndSendsFromTheDeliveryThread() throws Exception {
        Set<String> httpThreads = ConcurrentHashMap.newKeySet();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
            httpThreads.add(Thread.currentThread().getName());
            return chain.proceed(chain.request());
        }).build();
        try (TikTokEvents client = clientBuilder(GatedTikTok.closed()).httpClient(http).build()) {
            EventProcessor processor = client.processor(options("no-io").maxBatchSize(1000).build());
            for (int i = 0; i < 999; i++) {
                assertThat(processor.enqueue(web("e" + i))).isTrue();
            }
            assertThat(server.getRequestCount()).as("nothing is sent before a batch is due").isZero();
            assertThat(processor.enqueue(web("e999"))).as("the 1000th event fills a batch").isTrue();
            // Reaching this line while TikTok holds the answer proves enqueue did not wait for the network.
            tiktok.awaitArrivals(1);
            assertThat(listener.size()).isZero();

            tiktok.open();
            assertThat(processor.flush()).isTrue();

            assertThat(listener.byId()).hasSize(1000);
            assertThat(listener.all()).allSatisfy(outcome -> assertThat(outcome.thread)
                    .isNotEqualTo(Thread.currentThread().getName()).matches("no-io-web-delivery|OkHttp.*"));
            assertThat(httpThreads).isNotEmpty().doesNotContain(Thread.currentThread().getName());
        } finally {
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void flushWaitsUntilTikTokHasAnswered() throws Exception {
        try (TikTokEvents client = clientBuilder(GatedTikTok.closed()).build()) {
            EventProcessor processor = client.processor(options("flush-waits").build());
            for (int i = 0; i < 5; i++) {
                processor.enqueue(web("e" + i));
            }
            assertThat(processor.flush(Duration.ofMillis(50))).as("TikTok has not answered yet").isFalse();
            var flushed = new java.util.concurrent.CompletableFuture<Boolean>();
            Thread flusher = new Thread(() -> flushed.complete(processor.flush()), "test-flusher");
            flusher.start();
            tiktok.awaitArrivals(1);
            assertThat(flushed).as("flush() still waiting while TikTok holds the answer").isNotDone();
            assertThat(listener.size()).isZero();

            tiktok.open();

            assertThat(flushed.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(listener.byId()).hasSize(5);
            assertThat(processor.stats().delivered()).isEqualTo(5);
        }
    }

    @Test
    void aSourceWithoutAnIdAndAClosedClientAreReportedNotDropped() {
        TikTokEvents client = clientBuilder(GatedTikTok.slow(0)).build();
        EventProcessor processor = client.processor(options("refusals").build());
        String caller = Thread.currentThread().getName();

        assertThat(processor.enqueue(app("no-app-id"))).isFalse();
        assertThat(listener.only("no-app-id").error).isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining("appId");
        assertThat(listener.only("no-app-id").thread).isEqualTo(caller);

        client.close();

        assertThat(processor.enqueue(web("after-close"))).isFalse();
        assertThat(listener.only("after-close").error).isInstanceOf(ProcessorClosedException.class);
        assertThat(processor.stats().rejected()).isEqualTo(2);
        assertThatThrownBy(client::processor).isInstanceOf(TikTokConfigurationException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void eachSourceIsBatchedInItsOwnRequests() {
        try (TikTokEvents client = clientBuilder(GatedTikTok.slow(0)).appId("app-1").offlineEventSetId("off-1")
                .crmEventSetId("crm-1").build()) {
            EventProcessor processor = client.processor(options("sources").build());
            for (int i = 0; i < 40; i++) {
                Event.Builder builder = Event.builder(EventNames.PURCHASE).eventId("e" + i);
                switch (i % 4) {
                    case 0: builder.page(Page.of("https://shop.example")); break;
                    case 1: builder.source(EventSource.APP).app(App.of("app-1")); break;
                    case 2: builder.source(EventSource.OFFLINE); break;
                    default: builder.source(EventSource.CRM).lead(Lead.of("lead-" + i)); break;
                }
                assertThat(processor.enqueue(builder.build())).isTrue();
            }
            assertThat(processor.flush()).isTrue();

            assertThat(tiktok.requests).extracting(seen -> seen.source)
                    .containsExactlyInAnyOrder("web", "app", "offline", "crm");
            assertThat(tiktok.requests).allSatisfy(seen -> assertThat(seen.events).isEqualTo(10));
            // Each source's lane runs on its delivery thread, or on the HTTP thread that brought the answer.
            assertThat(listener.all()).extracting(outcome -> outcome.thread).allMatch(thread ->
                    thread.matches("sources-(web|app|offline|crm)-delivery") || thread.startsWith("OkHttp"));
        }
    }

    @Test
    void eventsApi10CapsTheBatchAtThePixelBatchSize() {
        try (TikTokEvents client = clientBuilder(GatedTikTok.slow(0)).apiEdition(ApiEdition.PIXEL_V1).pixelBatchSize(7)
                .build()) {
            EventProcessor processor = client.processor(options("pixel").build());
            for (int i = 0; i < 20; i++) {
                processor.enqueue(web("e" + i));
            }
            assertThat(processor.flush()).isTrue();

            assertThat(tiktok.requests).extracting(seen -> seen.events).containsExactlyInAnyOrder(7, 7, 6);
            assertThat(tiktok.requests).allSatisfy(seen -> assertThat(seen.path).endsWith("/pixel/batch/"));
            assertThat(listener.byId()).hasSize(20);
        }
    }
}
