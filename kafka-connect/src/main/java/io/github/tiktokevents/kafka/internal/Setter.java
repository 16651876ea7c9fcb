package io.github.tiktokevents.kafka.internal;

/**
 * Puts one mapped value into one of the SDK's builders.
 *
 * @param <B> the builder type
 */
@FunctionalInterface
interface Setter<B> {
    /**
     * @param builder the builder
     * @param value the record's value, not null
     * @param field the TikTok field name, for error messages
     */
    void set(B builder, Object value, String field);
}
