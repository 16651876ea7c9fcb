package io.github.tiktokevents.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.internal.delivery.DeliveryRecordingListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * drainOnShutdown: a processor still open at JVM exit is closed by its shutdown hook, delivering what waits for
 * maxDelay; close() removes the hook so nothing leaks. The hook is run here as the JVM would run it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessorShutdownHookTest {
    private final MockWebServer server = new MockWebServer();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();
    private final GatedTikTok tiktok = GatedTikTok.slow(0);
    private TikTokEvents client;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(tiktok);
        server.start(0);
        client = TikTokEvents.builder().accessToken(MockTikTok.TOKEN).pixelCode(MockTikTok.PIXEL)
                .baseUrl(server.url("/").toString()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static Event web(String id) {
        return Event.builder(EventNames.VIEW_CONTENT).eventId(id).page(Page.of("https://shop.example")).build();
    }

    private ProcessorOptions.Builder options() {
        return ProcessorOptions.builder().maxDelay(Duration.ofHours(1)).listener(listener);
    }

    @Test
    void theHookDeliversWhatWaitsForMaxDelayWhenTheJvmExits() {
        EventProcessor processor = client.processor(options().build());
        for (int i = 0; i < 5; i++) {
            processor.enqueue(web("e" + i));
        }
        Thread hook = processor.shutdownHook();
        assertThat(hook).as("on by default").isNotNull();
        assertThat(listener.size()).as("all five wait for maxDelay").isZero();

        hook.run(); // what the JVM does at exit

        assertThat(processor.isClosed()).isTrue();
        assertThat(listener.byId()).hasSize(5).allSatisfy((id, outcomes) ->
                assertThat(outcomes).singleElement().matches(DeliveryRecordingListener.Outcome::delivered));
        assertThat(tiktok.ids).hasSize(5);
    }

    @Test
    void closeRemovesTheHookSoNothingLeaks() {
        EventProcessor processor = client.processor(options().build());
        Thread hook = processor.shutdownHook();

        processor.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("no longer registered").isFalse();
    }

    @Test
    void closingTheClientRemovesTheHooksOfItsProcessors() {
        EventProcessor processor = client.processor(options().build());
        Thread hook = processor.shutdownHook();

        client.close();

        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
    }

    @Test
    void noHookWhenTurnedOff() {
        EventProcessor processor = client.processor(options().drainOnShutdown(false).build());

        assertThat(processor.shutdownHook()).isNull();
        assertThat(processor.options().drainOnShutdown()).isFalse();
        processor.close();
    }
}
