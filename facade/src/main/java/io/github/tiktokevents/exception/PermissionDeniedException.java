package io.github.tiktokevents.exception;

import java.time.Duration;

/**
 * The token may not act on this pixel or event set (code 40001, or HTTP 403). Not retryable: check that the token was generated for this pixel or event set.
 */
public class PermissionDeniedException extends TikTokApiException {
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
    public PermissionDeniedException(long code, String apiMessage, String requestId, int httpStatus, Duration retryAfter) {
        super(code, apiMessage, requestId, httpStatus, false, retryAfter);
    }
}
