package io.github.tiktokevents.exception;

import java.time.Duration;

/**
 * TikTok rejected the request's content (code 40002 and other parameter errors, or HTTP 400). Not retryable as it is; TikTok's message names the bad field.
 */
public class InvalidRequestException extends TikTokApiException {
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
    public InvalidRequestException(long code, String apiMessage, String requestId, int httpStatus, Duration retryAfter) {
        super(code, apiMessage, requestId, httpStatus, false, retryAfter);
    }
}
