/**
 * Internal: how the SDK reports to a user's {@link io.github.tiktokevents.metrics.TikTokMetrics}. Not part of the
 * SDK's API; it may change or disappear in any release.
 */
package io.github.tiktokevents.internal.metrics;
