package io.github.tiktokevents.metrics;

import io.github.tiktokevents.exception.TikTokException;

/**
 * Hears the end of one HTTP attempt that {@link TikTokMetrics#requestStarted} announced: exactly one call of
 * {@link #finished}, on the thread that brought the answer or the failure. A retried request is a new attempt with a
 * new observer.
 */
@FunctionalInterface
public interface RequestObserver {

    /** An observer that does nothing; what {@link TikTokMetrics#requestStarted} returns unless overridden. */
    RequestObserver NONE = (errorType, error) -> { };

    /**
     * The attempt ended.
     *
     * @param errorType null when TikTok accepted the request (code 0, or 20001 partial success); otherwise a short,
     *                  low-cardinality label as described in {@link TikTokMetrics}: TikTok's code as text for an
     *                  error answered with HTTP 200, {@code http_<status>}, {@code transport}, {@code timeout}, ...
     * @param error the typed failure, or null on success; its message never contains the access token
     */
    void finished(String errorType, TikTokException error);
}
