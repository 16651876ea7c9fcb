package io.github.tiktokevents.exception;

import java.time.Duration;

/**
 * The access token is missing, invalid or expired (codes 40102, 40104, 40105, or HTTP 401). Not retryable: set a valid TIKTOK_ACCESS_TOKEN (Events Manager > Settings > Generate Access Token).
 */
public class AuthenticationException extends TikTokApiException {
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
    public AuthenticationException(long code, String apiMessage, String requestId, int httpStatus, Duration retryAfter) {
        super(code, apiMessage, requestId, httpStatus, false, retryAfter);
    }
}
