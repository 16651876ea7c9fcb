package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the health contributor shows, from local state only: the processor's counters and what the
 * {@link DeliveryTracker} last saw. It never calls TikTok, so a health probe costs nothing and cannot be rate
 * limited.
 *
 * <p>The status is UP while the processor takes events, OUT_OF_SERVICE once it is closed (shutting down), and
 * stays UP when TikTok refuses or cannot be reached: restarting the application would not cure that, so a
 * liveness probe must not restart it. Alert on the details instead ({@code lastSuccessAgeMillis},
 * {@code lastErrorCode}, a growing {@code queueDepth}).
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 *
 * @param status UP or OUT_OF_SERVICE
 * @param details the values, by name
 */
public record HealthReport(String status, Map<String, Object> details) {

    /**
     * Reads the current state.
     *
     * @param processor the processor
     * @param tracker what it delivered and failed last
     * @return the report
     */
    public static HealthReport of(EventProcessor processor, DeliveryTracker tracker) {
        Objects.requireNonNull(processor, "processor");
        Map<String, Object> details = new LinkedHashMap<>();
        ProcessorStats stats = processor.stats();
        details.put("queueDepth", stats.queueDepth());
        details.put("inFlight", stats.inFlight());
        details.put("enqueued", stats.enqueued());
        details.put("delivered", stats.delivered());
        details.put("failed", stats.failed());
        details.put("rejected", stats.rejected());
        details.put("retried", stats.retried());
        if (tracker != null) {
            DeliveryTracker.Snapshot last = tracker.snapshot();
            Instant now = tracker.clock().instant();
            if (last.lastSuccessAt() != null) {
                details.put("lastSuccessAt", last.lastSuccessAt().toString());
                details.put("lastSuccessAgeMillis", Duration.between(last.lastSuccessAt(), now).toMillis());
            }
            if (last.lastErrorCode() != null) {
                details.put("lastErrorCode", last.lastErrorCode());
                details.put("lastErrorAt", last.lastErrorAt().toString());
            }
        }
        return new HealthReport(processor.isClosed() ? "OUT_OF_SERVICE" : "UP", details);
    }
}
