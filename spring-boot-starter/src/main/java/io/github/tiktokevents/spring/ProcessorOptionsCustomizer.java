package io.github.tiktokevents.spring;

import io.github.tiktokevents.processor.ProcessorOptions;

/**
 * Adjusts the background processor's options after the {@code tiktok.events.processor.*} properties were applied
 * and before the {@code EventProcessor} bean is made. Every customizer bean is applied, in {@code @Order} /
 * {@code Ordered} order. A listener set here still hears every outcome: the starter wraps it to feed the health
 * contributor.
 *
 * <pre>{@code
 * @Bean
 * ProcessorOptionsCustomizer tiktokListener() {
 *     return options -> options.listener((eventId, error) -> log.warn("{} not delivered: {}", eventId, error.getMessage()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ProcessorOptionsCustomizer {

    /**
     * Adjusts the options.
     *
     * @param options the builder holding the properties' settings
     */
    void customize(ProcessorOptions.Builder options);
}
