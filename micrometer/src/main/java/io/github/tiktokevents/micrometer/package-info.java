/**
 * The SDK's metrics in Micrometer: {@link io.github.tiktokevents.micrometer.MicrometerTikTokMetrics} records the
 * {@link io.github.tiktokevents.metrics.TikTokMetrics} hook as counters, a timer, gauges and one
 * {@link io.micrometer.observation.Observation} per HTTP attempt.
 */
package io.github.tiktokevents.micrometer;
