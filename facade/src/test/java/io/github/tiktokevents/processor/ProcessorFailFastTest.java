package io.github.tiktokevents.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A wrong access token through the real client, HTTP and default listener: the processor stops at the first
 * refusal instead of making one request and one WARNING line per batch, and flush() admits nothing was delivered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessorFailFastTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private final Logger processorLog = Logger.getLogger("io.github.tiktokevents.processor");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"code\":40105,\"message\":\"Access token is incorrect or has been revoked.\","
                                + "\"request_id\":\"req-auth\",\"data\":{}}").build();
            }
        });
        server.start(0);
        processorLog.addHandler(capture);
        processorLog.setUseParentHandlers(false);
    }

    @AfterEach
    void stop() {
        processorLog.removeHandler(capture);
        processorLog.setUseParentHandlers(true);
        server.close();
    }

    @Test
    void aWrongTokenStopsSendingLogsASummaryAndFlushSaysNothingWasDelivered() {
        String url = server.url("/").toString();
        try (TikTokEvents client = TikTokEvents.builder().accessToken("wrong-" + MockTikTok.TOKEN)
                .pixelCode(MockTikTok.PIXEL).baseUrl(url).build()) {
            EventProcessor processor = client.processor(ProcessorOptions.builder()
                    .maxBatchSize(10).maxRequestsInFlight(1).maxDelay(Duration.ofMinutes(1)).build());
            for (int i = 0; i < 2000; i++) {
                processor.enqueue(Event.builder(EventNames.VIEW_CONTENT).eventId("e" + i)
                        .page(Page.of("https://shop.example")).build());
            }

            assertThat(processor.flush()).as("nothing was delivered").isFalse();

            assertThat(processor.stats().failed()).isEqualTo(2000);
            assertThat(requests.get()).as("requests made for 2,000 events in batches of 10").isEqualTo(1);
        }
        assertThat(logged).as("a bounded summary, not a line per event").hasSizeBetween(4, 12);
        assertThat(logged.get(logged.size() - 1).getParameters()).contains(1024L);
        assertThat(logged).allSatisfy(record -> assertThat(String.valueOf(List.of(record.getParameters())))
                .doesNotContain(MockTikTok.TOKEN));
    }
}
