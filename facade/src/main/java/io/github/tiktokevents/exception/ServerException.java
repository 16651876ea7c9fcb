package io.github.tiktokevents.exception;

import java.time.Duration;

/**
 * TikTok failed on its side (codes 50000, 50002, 51065, 40700, or HTTP 5xx). Retryable with backoff.
 */
public class ServerException extends TikTokApiException {
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
    public ServerException(long code, String apiMessage, String requestId, int httpStatus, Duration retryAfter) {
        super(code, apiMessage, requestId, httpStatus, true, retryAfter);
    }
}
