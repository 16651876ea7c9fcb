package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import java.time.Duration;

/**
 * Fail fast: after TikTok refused a request with an error that fails every event alike (a wrong token, a missing
 * permission, a pixel or event set that does not exist), the engine stops sending and fails what it holds with
 * that error, instead of one request and one failure per batch. After {@link #RECHECK} one batch is sent again, so
 * a token or permission fixed on TikTok's side resumes delivery; any accepted request ends the halt at once.
 * Delivery thread only.
 */
final class DeliveryHalt {
    /** How long the engine sends nothing after a permanent error before it tries one batch again. */
    static final Duration RECHECK = Duration.ofSeconds(60);

    private final DeliveryScheduler clock;
    private TikTokException error;
    private long untilNanos;

    DeliveryHalt(DeliveryScheduler clock) {
        this.clock = clock;
    }

    /** Halts after {@code cause} refused a whole request, if it will fail every event the same way. */
    void onRequestFailed(TikTokException cause) {
        if (DeliveryErrors.failsEveryEvent(cause)) {
            error = cause;
            untilNanos = clock.nanoTime() + Durations.saturatedNanos(RECHECK);
        }
    }

    /** TikTok accepted a request: sending works again. */
    void onRequestAccepted() {
        error = null;
    }

    /** @return the error to fail items with instead of sending them, or null when sending is allowed */
    TikTokException blocking() {
        if (error != null && clock.nanoTime() - untilNanos >= 0) {
            error = null; // time to try again
        }
        return error;
    }
}
