package io.github.tiktokevents.examples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;

/**
 * 1,000 checkouts, up to {@value #IN_FLIGHT} at once, while the application shuts down: every checkout the
 * application accepted (HTTP 2xx) reaches TikTok (the emulator), exactly once. Checkouts refused because the server
 * was shutting down are fine; none accepted may be lost.
 *
 * <p>The test closes the context itself, so only the listeners that cope with a closed context run (Spring's event
 * publishing listener would ask the closed context to publish "after test" events); {@code @DirtiesContext} drops it
 * from the test context cache.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = {DependencyInjectionTestExecutionListener.class,
    DirtiesContextTestExecutionListener.class}, mergeMode = TestExecutionListeners.MergeMode.REPLACE_DEFAULTS)
@DirtiesContext
class CheckoutShutdownTest {
    private static final int CHECKOUTS = 1000;
    /** Checkouts sent but not answered at any moment: a busy shop's front ends. */
    private static final int IN_FLIGHT = 200;
    /** Answers after which the context starts closing, with the rest of the checkouts still coming. */
    private static final int CLOSE_AFTER = 150;

    private static final TikTokEmulator emulator = TikTokEmulator.builder().build().start();

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    EventProcessor processor;

    @DynamicPropertySource
    static void tiktok(DynamicPropertyRegistry registry) {
        CheckoutTestSettings.register(registry, emulator);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void everyAcceptedCheckoutReachesTikTokWhileTheApplicationShutsDown() throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch closeNow = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            try {
                closeNow.await();
                context.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "closer");
        closer.start();

        List<CompletableFuture<Void>> checkouts = new ArrayList<>();
        Semaphore window = new Semaphore(IN_FLIGHT);
        for (int i = 1; i <= CHECKOUTS; i++) {
            String orderId = String.format("%04d", i);
            window.acquire();
            checkouts.add(http.sendAsync(checkout(orderId), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        try {
                            if (failure == null && response.statusCode() / 100 == 2
                                    && response.body().contains("order-" + orderId)) {
                                accepted.add("order-" + orderId);
                            } else {
                                String why = failure != null ? failure.getClass().getSimpleName()
                                        : "HTTP " + response.statusCode();
                                refusals.computeIfAbsent(why, key -> new AtomicInteger()).incrementAndGet();
                            }
                            if (answered.incrementAndGet() == CLOSE_AFTER) {
                                closeNow.countDown();
                            }
                            return null;
                        } finally {
                            window.release();
                        }
                    }));
        }
        CompletableFuture.allOf(checkouts.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        closeNow.countDown();
        closer.join(TimeUnit.MINUTES.toMillis(1));
        clientThreads.shutdownNow();

        ProcessorStats stats = processor.stats();
        Map<String, Long> received = emulator.events().stream().filter(RecordedEvent::accepted)
                .collect(Collectors.groupingBy(RecordedEvent::eventId, Collectors.counting()));
        System.out.printf("checkouts: %d accepted, refused %s; processor %s; emulator received %d events%n",
                accepted.size(), refusals, stats, received.size());

        assertThat(processor.isClosed()).isTrue();
        assertThat(accepted).as("the checkouts answered before the close").hasSizeGreaterThanOrEqualTo(CLOSE_AFTER);
        assertThat(received.keySet()).as("every accepted checkout's event reached TikTok").containsAll(accepted);
        assertThat(received).as("each once").allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(stats.failed()).isZero();
        assertThat(stats.delivered()).isEqualTo(stats.enqueued()).isEqualTo(received.size());
    }

    private HttpRequest checkout(String orderId) {
        String body = "{\"orderId\":\"" + orderId + "\",\"email\":\"buyer" + orderId + "@example.com\","
                + "\"productId\":\"sku-" + orderId + "\",\"value\":19.99,\"currency\":\"EUR\"}";
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/checkout"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("User-Agent", "CheckoutShutdownTest")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

}
