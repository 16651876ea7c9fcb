package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.processor.EventProcessor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Micrometer's binding is given to the client when the application has a meter registry; on both Boot lines. */
class TikTokEventsMetricsTest {
    private static TikTokEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TikTokEventsMetricsAutoConfiguration.class,
                    TikTokEventsAutoConfiguration.class))
            .withPropertyValues("tiktok.events.read-environment=false",
                    "tiktok.events.pixel-code=PIXEL0000000000000001",
                    "tiktok.events.retry.max-attempts=1");

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private String[] target() {
        return new String[] {"tiktok.events.access-token=" + emulator.accessToken(),
            "tiktok.events.base-url=" + emulator.baseUrl()};
    }

    @Test
    void theProcessorsEventsAreCountedInTheApplicationsRegistry() {
        runner.withPropertyValues(target()).withUserConfiguration(Registry.class).run(context -> {
            EventProcessor processor = context.getBean(EventProcessor.class);
            // a rate limit, not retried here (max-attempts 1): one failed event, and the next request goes through
            emulator.faults().next(Fault.rateLimited());
            processor.enqueue(Purchases.purchase("metrics-1"));
            processor.flush();
            processor.enqueue(Purchases.purchase("metrics-2"));
            processor.flush();

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(sum(registry, "tiktok.events.enqueued")).isEqualTo(2);
            assertThat(sum(registry, "tiktok.events.delivered")).isEqualTo(1);
            assertThat(registry.find("tiktok.events.failed").tag("error.type", "40100").counter())
                    .isNotNull().extracting(Counter::count).isEqualTo(1.0);
            assertThat(registry.find("tiktok.events.requests").timers()).isNotEmpty();
        });
    }

    @Test
    void withoutARegistryOrMicrometerTheClientStillStarts() {
        runner.withPropertyValues(target()).run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(EventProcessor.class).hasBean("tiktokEventsMetricsCustomizer"));
        runner.withPropertyValues(target()).withUserConfiguration(Registry.class)
                .withClassLoader(new FilteredClassLoader("io.github.tiktokevents.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(EventProcessor.class)
                        .doesNotHaveBean("tiktokEventsMetricsCustomizer"));
        runner.withPropertyValues(target()).withPropertyValues("tiktok.events.metrics.enabled=false")
                .withUserConfiguration(Registry.class)
                .run(context -> assertThat(context).doesNotHaveBean("tiktokEventsMetricsCustomizer"));
    }

    private static double sum(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
