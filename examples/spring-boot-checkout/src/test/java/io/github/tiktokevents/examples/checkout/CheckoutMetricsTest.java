package io.github.tiktokevents.examples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metrics the starter records through tiktok-events-micrometer, after checkouts against an emulator that
 * rate-limits, fails and refuses some requests: every accepted event is counted once as delivered or failed
 * (delivered + failed = enqueued), failures by TikTok's code, and one timed request per HTTP attempt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckoutMetricsTest {
    private static final int CHECKOUTS = 300;
    private static final TikTokEmulator emulator = TikTokEmulator.builder().build().start();
    private static final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventProcessor processor;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        CheckoutTestSettings.register(registry, emulator);
        registry.add("tiktok.events.processor.max-batch-size", () -> "10");
        registry.add("tiktok.events.processor.max-delay", () -> "20ms");
        registry.add("tiktok.events.retry.max-attempts", () -> "3");
        registry.add("tiktok.events.retry.initial-delay", () -> "5ms");
        registry.add("tiktok.events.retry.max-delay", () -> "20ms");
        registry.add("tiktok.events.retry.max-retry-after", () -> "20ms");
        registry.add("management.endpoints.web.exposure.include", () -> "health,metrics");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void deliveredPlusFailedIsEnqueuedWithFailuresByTikToksCode() throws Exception {
        // retryable faults (some outlast the 3 attempts) and a refusal of the whole request for a bad event (40002),
        // which the processor answers by resending halves
        emulator.faults().randomly(20_261_202L, 0.35, Fault.rateLimited(), Fault.systemError(),
                Fault.code(40002, "Invalid parameter"));
        ExecutorService front = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= CHECKOUTS; i++) {
            String orderId = "m" + i;
            answers.add(front.submit(() -> checkout(orderId)));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(202);
        }
        front.shutdown();
        processor.flush();
        // The random faults above fail an event only when one request meets three retryable faults in a row, which
        // some runs never draw: one more checkout, sent while every request is rate limited, fails for certain.
        emulator.faults().clear().every(1, Fault.rateLimited());
        assertThat(checkout("m-last")).isEqualTo(202);
        processor.flush();
        emulator.faults().clear();

        double enqueued = sum("tiktok.events.enqueued");
        double delivered = sum("tiktok.events.delivered");
        double failed = sum("tiktok.events.failed");
        Map<String, Double> failedByType = new TreeMap<>();
        registry.find("tiktok.events.failed").counters().forEach(counter ->
                failedByType.merge(counter.getId().getTag("error.type"), counter.count(), Double::sum));
        long attempts = registry.find("tiktok.events.requests").timers().stream().mapToLong(Timer::count).sum();
        double retried = sum("tiktok.events.requests.retried");
        ProcessorStats stats = processor.stats();
        System.out.printf("metrics: enqueued=%.0f delivered=%.0f failed=%.0f %s retried=%.0f attempts=%d;"
                + " emulator requests=%d; %s%n", enqueued, delivered, failed, failedByType, retried, attempts,
                emulator.requestCount(), stats);

        assertThat(enqueued).isEqualTo(CHECKOUTS + 1);
        assertThat(delivered + failed).isEqualTo(enqueued);
        assertThat(delivered).isEqualTo(stats.delivered()).isEqualTo(emulator.events().stream()
                .filter(event -> event.accepted()).count());
        assertThat(failed).isEqualTo(stats.failed()).isPositive();
        assertThat(failedByType.keySet()).isNotEmpty().isSubsetOf("40100", "50000", "40002");
        assertThat(attempts).as("one timed request per HTTP attempt").isEqualTo(emulator.requestCount());
        assertThat(retried).isEqualTo(stats.retried()).isPositive();
        assertThat(emulator.requests()).extracting(RecordedRequest::fault).anyMatch(fault -> fault.isPresent());

        JsonNode endpoint = get("/actuator/metrics/tiktok.events.delivered");
        assertThat(endpoint.path("measurements").get(0).path("value").asDouble()).isEqualTo(delivered);
    }

    private double sum(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private int checkout(String orderId) throws Exception {
        String body = "{\"orderId\":\"" + orderId + "\",\"email\":\"buyer@example.com\",\"productId\":\"sku-1\","
                + "\"value\":19.99,\"currency\":\"EUR\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
