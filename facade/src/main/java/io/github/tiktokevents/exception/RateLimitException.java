package io.github.tiktokevents.exception;

import java.time.Duration;

/**
 * Too many requests (codes 40016, 40100, 40132, 40133, or HTTP 429). Retryable after a backoff; {@link #retryAfter()} holds TikTok's requested delay when it sent one.
 */
public class RateLimitException extends TikTokApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param code TikTok's {@code code}, or {@link #NO_CODE}
     * @param apiMessage TikTok's {@code message}, may be null
     * @param requestId TikTok's {@code request_id}, may be null
     * @param httpStatus the HTTP status of the answer
     * @param retryAfter how long TikTok asked us to wait ({@code Retry-After}), or null
     */
    public RateLimitException(long code, String apiMessage, String requestId, int httpStatus, Duration retryAfter) {
        super(code, apiMessage, requestId, httpStatus, true, retryAfter);
    }
}
