package io.github.tiktokevents.exception;

import java.time.Duration;
import java.util.Optional;

/**
 * TikTok answered, and the answer is a failure: a non-zero {@code code} in its envelope (usually with HTTP 200),
 * an HTTP error status, or a body that is not TikTok's envelope. Codes with a known family are thrown as a
 * subclass ({@link AuthenticationException}, {@link PermissionDeniedException}, {@link InvalidRequestException},
 * {@link RateLimitException}, {@link ServerException}); unknown codes stay this class.
 *
 * <p>The message always carries the code and the request id, so a support ticket can be traced:
 * {@code TikTok API error 40002 (request_id 2023...): Invalid parameter: data[0].event}.
 */
public class TikTokApiException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /** The code used when TikTok's answer carried no envelope code (an HTTP error or an unreadable body). */
    public static final long NO_CODE = -1;

    /** TikTok's return code, or {@link #NO_CODE}. */
    private final long code;
    /** TikTok's own message, may be null. */
    private final String apiMessage;
    /** TikTok's request id, may be null. */
    private final String requestId;
    /** The HTTP status of the answer. */
    private final int httpStatus;
    /** Whether sending again could succeed. */
    private final boolean retryable;
    /** The delay TikTok asked for, or null. */
    private final Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param code TikTok's {@code code}, or {@link #NO_CODE}
     * @param apiMessage TikTok's {@code message}, may be null
     * @param requestId TikTok's {@code request_id}, may be null
     * @param httpStatus the HTTP status of the answer
     * @param retryable whether sending again could succeed
     * @param retryAfter how long TikTok asked us to wait ({@code Retry-After}), or null
     */
    public TikTokApiException(long code, String apiMessage, String requestId, int httpStatus,
                              boolean retryable, Duration retryAfter) {
        super(describe(code, apiMessage, requestId, httpStatus));
        this.code = code;
        this.apiMessage = apiMessage;
        this.requestId = requestId;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    private static String describe(long code, String apiMessage, String requestId, int httpStatus) {
        StringBuilder text = new StringBuilder("TikTok API error ");
        text.append(code == NO_CODE ? "(no code)" : Long.toString(code));
        text.append(" (request_id ").append(requestId == null ? "none" : requestId);
        if (httpStatus != 200) {
            text.append(", HTTP ").append(httpStatus);
        }
        text.append(')');
        if (apiMessage != null && !apiMessage.isEmpty()) {
            text.append(": ").append(apiMessage);
        }
        return text.toString();
    }

    /**
     * TikTok's return code, for example 40002; {@link #NO_CODE} when the answer had none.
     *
     * @return the code
     */
    public long code() {
        return code;
    }

    /**
     * TikTok's own message, without the code and request id this exception's message adds.
     *
     * @return the message TikTok sent, or an empty string
     */
    public String apiMessage() {
        return apiMessage == null ? "" : apiMessage;
    }

    /**
     * TikTok's id of the failed request; quote it to TikTok support.
     *
     * @return the request id, or null when the answer had none
     */
    public String requestId() {
        return requestId;
    }

    /**
     * The HTTP status of TikTok's answer; usually 200 even for failures.
     *
     * @return the status code
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * How long TikTok asked the client to wait before retrying, from a {@code Retry-After} header.
     *
     * @return the requested delay, if TikTok gave one
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** {@inheritDoc} */
    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
