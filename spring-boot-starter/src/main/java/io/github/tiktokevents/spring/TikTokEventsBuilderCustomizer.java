package io.github.tiktokevents.spring;

import io.github.tiktokevents.TikTokEventsBuilder;

/**
 * Adjusts the client builder after the {@code tiktok.events.*} properties were applied and before the
 * {@code TikTokEvents} bean is built. Every customizer bean is applied, in {@code @Order} / {@code Ordered} order.
 *
 * <pre>{@code
 * @Bean
 * TikTokEventsBuilderCustomizer tiktokToken(SecretStore secrets) {
 *     return builder -> builder.accessToken(secrets.get("tiktok"));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TikTokEventsBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder holding the properties' settings
     */
    void customize(TikTokEventsBuilder builder);
}
