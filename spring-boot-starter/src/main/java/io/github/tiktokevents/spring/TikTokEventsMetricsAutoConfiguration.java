package io.github.tiktokevents.spring;

import io.github.tiktokevents.micrometer.MicrometerTikTokMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * With {@code tiktok-events-micrometer} on the classpath and a {@link MeterRegistry} bean (Actuator makes one),
 * records the client's metrics there (see {@link MicrometerTikTokMetrics} for the meters), and one observation per
 * HTTP attempt in the {@link ObservationRegistry} bean if there is one, so a tracing bridge makes a span of each.
 * Applied first of the {@link TikTokEventsBuilderCustomizer}s, so one of yours may set other metrics instead; turn
 * it off with {@code tiktok.events.metrics.enabled=false}.
 */
@AutoConfiguration(before = TikTokEventsAutoConfiguration.class)
@ConditionalOnClass(name = {"io.github.tiktokevents.micrometer.MicrometerTikTokMetrics",
    "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnProperty(prefix = "tiktok.events.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TikTokEventsMetricsAutoConfiguration {

    /** Creates the auto-configuration; Spring does. */
    public TikTokEventsMetricsAutoConfiguration() {
    }

    /**
     * Gives the client Micrometer's binding when the context has a meter registry. The registries are looked up when
     * the client is built, so the order of the auto-configurations that make them does not matter.
     *
     * @param meters the meter registry, if any
     * @param observations the observation registry, if any
     * @return the customizer
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnMissingBean(name = "tiktokEventsMetricsCustomizer")
    public TikTokEventsBuilderCustomizer tiktokEventsMetricsCustomizer(ObjectProvider<MeterRegistry> meters,
                                                                       ObjectProvider<ObservationRegistry> observations) {
        return builder -> {
            MeterRegistry registry = meters.getIfUnique();
            if (registry != null) {
                builder.metrics(new MicrometerTikTokMetrics(registry,
                        observations.getIfUnique(() -> ObservationRegistry.NOOP)));
            }
        };
    }
}
