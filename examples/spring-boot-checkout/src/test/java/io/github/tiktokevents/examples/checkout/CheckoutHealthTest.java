package io.github.tiktokevents.examples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Actuator health endpoint's JSON: the processor's local state, the age of the last delivery, the last error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckoutHealthTest {
    private static final Instant START = Instant.parse("2026-12-02T04:00:00Z");
    private static final TikTokEmulator emulator = TikTokEmulator.builder().build().start();
    private static final ObjectMapper json = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    EventProcessor processor;

    @Autowired
    HandClock clock;

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        CheckoutTestSettings.register(registry, emulator);
        registry.add("tiktok.events.retry.max-attempts", () -> "1");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void theHealthEndpointShowsQueueDepthLastSuccessAgeAndLastErrorCode() throws Exception {
        JsonNode before = health("/actuator/health");
        assertThat(before.path("status").asText()).isEqualTo("UP");
        JsonNode component = before.path("components").path("tiktokEvents");
        assertThat(component.path("status").asText()).isEqualTo("UP");
        assertThat(component.path("details").path("queueDepth").asLong()).isZero();
        assertThat(component.path("details").has("lastSuccessAgeMillis")).isFalse();

        assertThat(checkout("1001").statusCode()).isEqualTo(202);
        processor.flush();
        clock.advance(Duration.ofSeconds(42));
        JsonNode delivered = health("/actuator/health/tiktokEvents").path("details");
        assertThat(delivered.path("delivered").asLong()).isOne();
        assertThat(delivered.path("queueDepth").asLong()).isZero();
        assertThat(delivered.path("lastSuccessAt").asText()).isEqualTo(START.toString());
        assertThat(delivered.path("lastSuccessAgeMillis").asLong()).isEqualTo(42_000);
        assertThat(delivered.has("lastErrorCode")).isFalse();

        emulator.faults().next(Fault.code(40001, "No permission"));
        assertThat(checkout("1002").statusCode()).isEqualTo(202);
        processor.flush();
        JsonNode failed = health("/actuator/health/tiktokEvents");
        System.out.println("health after a refused event: " + failed);
        assertThat(failed.path("status").asText()).isEqualTo("UP");
        assertThat(failed.path("details").path("lastErrorCode").asText()).isEqualTo("40001");
        assertThat(failed.path("details").path("failed").asLong()).isOne();
        assertThat(failed.path("details").path("lastSuccessAgeMillis").asLong()).isEqualTo(42_000);
        assertThat(emulator.requestCount()).as("health checks never call TikTok").isEqualTo(2);
    }

    private JsonNode health(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> checkout(String orderId) throws Exception {
        String body = "{\"orderId\":\"" + orderId + "\",\"email\":\"buyer@example.com\",\"productId\":\"sku-1\","
                + "\"value\":19.99,\"currency\":\"EUR\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The application's clock in this test: moved by hand, so the age is exact. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        HandClock clock() {
            return new HandClock(START);
        }
    }

    static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
