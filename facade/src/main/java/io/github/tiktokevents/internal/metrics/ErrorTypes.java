package io.github.tiktokevents.internal.metrics;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.io.InterruptedIOException;

/**
 * The short label of a failure that metrics tag it with, as listed in
 * {@link io.github.tiktokevents.metrics.TikTokMetrics}: few distinct values, so a metric's tag stays cheap.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ErrorTypes {
    private ErrorTypes() {
    }

    /**
     * The label of a failure.
     *
     * @param error the failure
     * @return its label; never null
     */
    public static String of(TikTokException error) {
        if (error instanceof TikTokApiException) {
            TikTokApiException api = (TikTokApiException) error;
            return api.code() == TikTokApiException.NO_CODE ? "http_" + api.httpStatus() : Long.toString(api.code());
        }
        if (error instanceof TikTokTransportException) {
            return timedOut(error) ? "timeout" : "transport";
        }
        if (error instanceof QueueFullException) {
            return "queue_full";
        }
        if (error instanceof ProcessorClosedException) {
            return "closed";
        }
        if (error instanceof TikTokValidationException) {
            return "invalid_event";
        }
        if (error instanceof TikTokConfigurationException) {
            return "configuration";
        }
        return "other";
    }

    /** OkHttp's socket and call timeouts, and the processor's own request timeout, are {@link InterruptedIOException}s. */
    private static boolean timedOut(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
