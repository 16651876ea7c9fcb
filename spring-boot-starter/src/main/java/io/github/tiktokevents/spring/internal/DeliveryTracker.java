package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.exception.TikTokValidationException;
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
     * TikTok's code as text when it sent one, else a short name of the failure's kind: what an alert groups by.
     *
     * @param error the failure
     * @return such as {@code 40002}, {@code http_503}, {@code transport}, {@code queue_full}
     */
    static String errorCode(TikTokException error) {
        if (error instanceof TikTokApiException api) {
            return api.code() != TikTokApiException.NO_CODE ? Long.toString(api.code()) : "http_" + api.httpStatus();
        }
        if (error instanceof QueueFullException) {
            return "queue_full";
        }
        if (error instanceof ProcessorClosedException) {
            return "closed";
        }
        if (error instanceof TikTokTransportException) {
            return "transport";
        }
        if (error instanceof TikTokValidationException) {
            return "invalid";
        }
        if (error instanceof TikTokConfigurationException) {
            return "configuration";
        }
        return error == null ? "unknown" : error.getClass().getSimpleName();
    }

    /**
     * What the tracker last saw; each field null until it happened.
     *
     * @param lastSuccessAt when an event was last delivered
     * @param lastErrorCode the last failure's code ({@link #errorCode})
     * @param lastErrorAt when an event last failed
     */
    public record Snapshot(Instant lastSuccessAt, String lastErrorCode, Instant lastErrorAt) {
    }
}
