package io.github.tiktokevents.spring;

import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.spring.internal.Boot3HealthIndicator;
import io.github.tiktokevents.spring.internal.Boot4HealthIndicator;
import io.github.tiktokevents.spring.internal.DeliveryTracker;
import io.github.tiktokevents.spring.internal.HealthReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Actuator on the classpath, adds the health contributor {@code tiktokEvents}: the processor's queue depth and
 * counters, the age of the last delivery and the last error code, from local state only (TikTok is never called).
 * Its status is UP while the processor takes events and OUT_OF_SERVICE once it is closed; TikTok's failures show in
 * the details, not the status, because restarting the application would not cure them. Turn it off with
 * {@code management.health.tiktok-events.enabled=false}. An application with several {@code EventProcessor} beans and
 * no primary one gets no contributor: it defines its own, from {@code EventProcessor.stats()}.
 *
 * <p>Spring Boot 4 moved the health API to {@code org.springframework.boot.health.contributor}; the adapter of
 * whichever line is on the classpath is used.
 */
@AutoConfiguration(after = TikTokEventsAutoConfiguration.class)
@ConditionalOnSingleCandidate(EventProcessor.class)
@ConditionalOnProperty(prefix = "management.health.tiktok-events", name = "enabled", havingValue = "true",
        matchIfMissing = true)
public class TikTokEventsHealthAutoConfiguration {
    private static final String BEAN = "tiktokEventsHealthIndicator";
    private static final String BOOT4_HEALTH = "org.springframework.boot.health.contributor.HealthIndicator";

    /** Creates the auto-configuration; Spring does. */
    public TikTokEventsHealthAutoConfiguration() {
    }

    /** Spring Boot 4: the health API of module spring-boot-health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = BOOT4_HEALTH)
    static class Boot4Health {
        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        Boot4HealthIndicator tiktokEventsHealthIndicator(EventProcessor processor,
                                                         ObjectProvider<DeliveryTracker> tracker) {
            return new Boot4HealthIndicator(() -> HealthReport.of(processor, tracker.getIfAvailable()));
        }
    }

    /** Spring Boot 3: the health API of module spring-boot-actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnMissingClass(BOOT4_HEALTH)
    static class Boot3Health {
        @Bean(BEAN)
        @ConditionalOnMissingBean(name = BEAN)
        Boot3HealthIndicator tiktokEventsHealthIndicator(EventProcessor processor,
                                                         ObjectProvider<DeliveryTracker> tracker) {
            return new Boot3HealthIndicator(() -> HealthReport.of(processor, tracker.getIfAvailable()));
        }
    }
}
