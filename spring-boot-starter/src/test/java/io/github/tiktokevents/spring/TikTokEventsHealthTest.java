package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.testing.MutableClock;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health contributor, on whichever Boot line runs the tests: read through reflection, because Boot 3 and Boot 4
 * name the same {@code Health} API in different packages.
 */
class TikTokEventsHealthTest {
    private static final Instant START = Instant.parse("2026-12-02T04:00:00Z");
    private static TikTokEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TikTokEventsAutoConfiguration.class,
                    TikTokEventsHealthAutoConfiguration.class))
            .withPropertyValues("tiktok.events.read-environment=false",
                    "tiktok.events.pixel-code=PIXEL0000000000000001",
                    "tiktok.events.retry.max-attempts=1",
                    "tiktok.events.processor.max-delay=10ms");

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void reportsQueueDepthTheAgeOfTheLastSuccessAndTheLastErrorCodeWithoutCallingTikTok() {
        emulator.reset();
        runner.withPropertyValues("tiktok.events.access-token=" + emulator.accessToken(),
                        "tiktok.events.base-url=" + emulator.baseUrl())
                .withUserConfiguration(TestClock.class)
                .run(context -> {
                    Object indicator = context.getBean("tiktokEventsHealthIndicator");
                    MutableClock clock = context.getBean(MutableClock.class);

                    Report fresh = Report.of(indicator);
                    assertThat(fresh.status).isEqualTo("UP");
                    assertThat(fresh.details).containsEntry("queueDepth", 0L).containsEntry("enqueued", 0L)
                            .doesNotContainKeys("lastSuccessAgeMillis", "lastErrorCode");
                    assertThat(emulator.requestCount()).as("a health check never calls TikTok").isZero();

                    EventProcessor processor = context.getBean(EventProcessor.class);
                    processor.enqueue(Purchases.purchase("health-1"));
                    processor.flush();
                    clock.advance(Duration.ofSeconds(90));
                    Report delivered = Report.of(indicator);
                    assertThat(delivered.details).containsEntry("delivered", 1L)
                            .containsEntry("lastSuccessAt", START.toString())
                            .containsEntry("lastSuccessAgeMillis", 90_000L)
                            .doesNotContainKey("lastErrorCode");

                    emulator.faults().next(Fault.code(40001, "No permission"));
                    processor.enqueue(Purchases.purchase("health-2"));
                    processor.flush();
                    Report failed = Report.of(indicator);
                    assertThat(failed.status).as("TikTok's refusal is not the application's health").isEqualTo("UP");
                    assertThat(failed.details).containsEntry("failed", 1L).containsEntry("lastErrorCode", "40001")
                            .containsEntry("lastErrorAt", START.plusSeconds(90).toString())
                            .containsEntry("lastSuccessAgeMillis", 90_000L);
                    assertThat(emulator.requestCount()).isEqualTo(2);

                    processor.close();
                    assertThat(Report.of(indicator).status).isEqualTo("OUT_OF_SERVICE");
                });
    }

    @Test
    void noContributorWithoutActuator() {
        runner.withPropertyValues("tiktok.events.access-token=t", "tiktok.events.base-url=" + emulator.baseUrl())
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health",
                        "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EventProcessor.class);
                    assertThat(context.containsBean("tiktokEventsHealthIndicator")).isFalse();
                });
    }

    @Test
    void canBeTurnedOff() {
        runner.withPropertyValues("tiktok.events.access-token=t", "tiktok.events.base-url=" + emulator.baseUrl(),
                        "management.health.tiktok-events.enabled=false")
                .run(context -> assertThat(context.containsBean("tiktokEventsHealthIndicator")).isFalse());
    }

    @Test
    void twoProcessorsWithoutAPrimaryStartWithoutTheContributor() {
        runner.withPropertyValues("tiktok.events.access-token=t", "tiktok.events.base-url=" + emulator.baseUrl())
                .withUserConfiguration(TwoProcessors.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(EventProcessor.class)).hasSize(2);
                    assertThat(context.containsBean("tiktokEventsHealthIndicator")).isFalse();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoProcessors {
        @Bean(destroyMethod = "close")
        EventProcessor web(io.github.tiktokevents.TikTokEvents tiktok) {
            return tiktok.processor();
        }

        @Bean(destroyMethod = "close")
        EventProcessor crm(io.github.tiktokevents.TikTokEvents tiktok) {
            return tiktok.processor();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }
    }

    /** A {@code Health} of either Boot line, as status and details. */
    record Report(String status, Map<String, Object> details) {
        @SuppressWarnings("unchecked")
        static Report of(Object indicator) throws ReflectiveOperationException {
            Object health = indicator.getClass().getMethod("health").invoke(indicator);
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            Method code = status.getClass().getMethod("getCode");
            return new Report((String) code.invoke(status),
                    (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health));
        }
    }
}
