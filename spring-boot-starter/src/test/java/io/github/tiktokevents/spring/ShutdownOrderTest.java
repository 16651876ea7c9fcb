package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.spring.internal.ProcessorShutdown;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real web server with graceful shutdown: a request still in flight when the context starts closing enqueues its
 * event only once the server's graceful shutdown is under way, and that event is delivered, because the processor
 * drains after the server's phases. Runs on Boot 3.5 here and on Boot 4.0 in spring-boot-starter-boot4.
 */
class ShutdownOrderTest {
    private static TikTokEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void theEventOfARequestInFlightAtShutdownIsDelivered() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SlowCheckoutApp.class)
                .web(WebApplicationType.SERVLET)
                .properties(Map.of("server.port", "0", "server.shutdown", "graceful",
                        "spring.lifecycle.timeout-per-shutdown-phase", "20s",
                        "tiktok.events.read-environment", "false",
                        "tiktok.events.access-token", emulator.accessToken(),
                        "tiktok.events.base-url", emulator.baseUrl(),
                        "tiktok.events.pixel-code", "PIXEL0000000000000001",
                        // a long batching delay: only the shutdown drain sends the event in time
                        "tiktok.events.processor.max-delay", "1h"))
                .run();
        SlowCheckout checkout = context.getBean(SlowCheckout.class);
        EventProcessor processor = context.getBean(EventProcessor.class);
        checkout.context = context;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));

        // the lifecycle phases as this Boot line defines them: the drain must come after both web server phases
        Map<String, SmartLifecycle> lifecycles = context.getBeansOfType(SmartLifecycle.class);
        assertThat(lifecycles.values()).filteredOn(bean -> bean.getClass().getSimpleName().startsWith("WebServer"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(server -> assertThat(server.getPhase()).isGreaterThan(ProcessorShutdown.PHASE));

        CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checkout.inHandler.await(10, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(context::close, "closer");
        closer.start();
        HttpResponse<String> answer = response.get(30, TimeUnit.SECONDS);
        closer.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(checkout.shutdownWasUnderWay).as("graceful shutdown had begun when the event was enqueued").isTrue();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(emulator.events()).filteredOn(RecordedEvent::accepted).extracting(RecordedEvent::eventId)
                .containsExactly("last-request");
        assertThat(processor.isClosed()).isTrue();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SlowCheckout.class)
    static class SlowCheckoutApp {
    }

    /** Holds its request until the server's graceful shutdown has started, then enqueues. */
    @RestController
    static class SlowCheckout {
        final CountDownLatch inHandler = new CountDownLatch(1);
        volatile ConfigurableApplicationContext context;
        volatile boolean shutdownWasUnderWay;
        private final EventProcessor processor;

        SlowCheckout(EventProcessor processor) {
            this.processor = processor;
        }

        @PostMapping("/checkout")
        ResponseEntity<String> checkout() throws InterruptedException {
            inHandler.countDown();
            shutdownWasUnderWay = awaitGracefulShutdown();
            boolean accepted = processor.enqueue(Purchases.purchase("last-request"));
            return accepted ? ResponseEntity.ok("accepted") : ResponseEntity.status(503).body("refused");
        }

        /** Waits (10 s at most) until the web server's graceful-shutdown lifecycle has been stopped by the close. */
        private boolean awaitGracefulShutdown() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                ConfigurableApplicationContext current = context;
                if (current != null && current.getBeansOfType(SmartLifecycle.class).values().stream()
                        .filter(bean -> bean.getClass().getSimpleName().equals("WebServerGracefulShutdownLifecycle"))
                        .anyMatch(bean -> !bean.isRunning())) {
                    return true;
                }
                Thread.sleep(5);
            }
            return false;
        }
    }
}
