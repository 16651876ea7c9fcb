package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.spring.ProcessorOptionsCustomizer;
import io.github.tiktokevents.spring.TikTokEventsProperties;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Makes the processor's options from the {@code tiktok.events.processor.*} properties and the customizers.
 *
 * <p>{@code drainOnShutdown} is off: Spring's context close drains the processor, after the web server (see
 * {@link ProcessorShutdown}). The SDK's own JVM shutdown hook would run at the same moment as Spring's (JVM hooks
 * run concurrently), close the processor while the server still finishes its last requests, and so refuse their
 * events. A customizer may turn it on again, for a processor Spring does not manage.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class ProcessorOptionsFactory {
    private ProcessorOptionsFactory() {
    }

    /**
     * Builds the options.
     *
     * @param properties the bound properties
     * @param drainTimeout the close timeout (see {@link ShutdownTimeouts})
     * @param customizers applied after the properties, in order
     * @param tracker wraps the final listener, so the health contributor sees every outcome
     * @return the options
     */
    public static ProcessorOptions options(TikTokEventsProperties properties, Duration drainTimeout,
                                           Stream<ProcessorOptionsCustomizer> customizers, DeliveryTracker tracker) {
        TikTokEventsProperties.Processor p = properties.getProcessor();
        ProcessorOptions.Builder b = ProcessorOptions.builder()
                .drainOnShutdown(false)
                .closeTimeout(drainTimeout);
        ClientFactory.set(p.getMaxBatchSize(), b::maxBatchSize);
        ClientFactory.set(p.getMaxDelay(), b::maxDelay);
        ClientFactory.set(p.getQueueCapacity(), b::queueCapacity);
        ClientFactory.set(p.getQueueCapacityBytes(), b::queueCapacityBytes);
        ClientFactory.set(p.getQueueFullPolicy(), b::queueFullPolicy);
        ClientFactory.set(p.getEnqueueTimeout(), b::enqueueTimeout);
        ClientFactory.set(p.getMaxRequestsInFlight(), b::maxRequestsInFlight);
        ClientFactory.set(p.getRequestTimeout(), b::requestTimeout);
        ClientFactory.set(p.getThreadNamePrefix(), b::threadNamePrefix);
        RetryPolicy retry = ClientFactory.retryPolicy(properties.getRetry());
        if (retry != null) {
            b.retryPolicy(retry);
        }
        customizers.forEach(customizer -> customizer.customize(b));
        // The builder has no getter: build once to read the listener the customizers left, then wrap it.
        return b.listener(tracker.around(b.build().listener())).build();
    }
}
