package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.github.tiktokevents.processor.DeliveryListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers when an event was last delivered and what last failed, for the health contributor, by standing
 * between the processor and the application's own listener (which still hears every outcome, unchanged). Sources
 * report outcomes from their own threads at once, so the last values are one immutable snapshot, replaced
 * atomically.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class DeliveryTracker {
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(null, null, null));

    /**
     * Creates a tracker.
     *
     * @param clock the time of each outcome, and of the health report's ages
     */
    public DeliveryTracker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A listener that records each outcome and then passes it on.
     *
     * @param next the application's listener
     * @return the listener to give the processor
     */
    public DeliveryListener around(DeliveryListener next) {
        Objects.requireNonNull(next, "next");
        return new DeliveryListener() {
            @Override
            public void delivered(String eventId, String requestId) {
                Instant now = clock.instant();
                snapshot.updateAndGet(last -> new Snapshot(now, last.lastErrorCode, last.lastErrorAt));
                next.delivered(eventId, requestId);
            }

            @Override
            public void failed(String eventId, TikTokException error) {
                Instant now = clock.instant();
                String code = errorCode(error);
                snapshot.updateAndGet(last -> new Snapshot(last.lastSuccessAt, code, now));
                next.failed(eventId, error);
            }
        };
    }

    /** @return the clock the ages are measured with */
    public Clock clock() {
        return clock;
    }

    /** @return the last outcomes seen */
    public Snapshot snapshot() {
        return snapshot.get();
    }

    /**
     * The failure's label, the same as the metrics hook's {@code error.type} (TikTok's code as text, else
     * {@code http_503}, {@code timeout}, {@code transport}, {@code queue_full}, ...): what an alert groups by.
     */
    static String errorCode(TikTokException error) {
        return error == null ? "unknown" : TikTokMetrics.errorType(error);
    }

    /**
     * What the tracker last saw; each field null until it happened.
     *
     * @param lastSuccessAt when an event was last delivered
     * @param lastErrorCode the last failure's label (the metrics hook's {@code error.type})
     * @param lastErrorAt when an event last failed
     */
    public record Snapshot(Instant lastSuccessAt, String lastErrorCode, Instant lastErrorAt) {
    }
}
