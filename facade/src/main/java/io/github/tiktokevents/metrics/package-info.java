/**
 * Metrics and tracing without a dependency: {@link io.github.tiktokevents.metrics.TikTokMetrics}, the hook a client
 * reports to, and {@link io.github.tiktokevents.metrics.RequestObserver}, which hears one HTTP attempt. A binding
 * to a metrics library (the {@code tiktok-events-micrometer} module for Micrometer) implements them.
 */
package io.github.tiktokevents.metrics;
