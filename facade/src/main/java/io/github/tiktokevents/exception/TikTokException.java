package io.github.tiktokevents.exception;

/**
 * The base of every exception this SDK throws. All are unchecked.
 *
 * <p>No message of this hierarchy ever contains the access token or a raw personal value (email, phone,
 * external id): validation errors name the field, API errors carry TikTok's code and request id.
 *
 * <pre>{@code
 * try {
 *     tiktok.send(event);
 * } catch (RateLimitException e) {
 *     // back off; e.isRetryable() is true
 * } catch (TikTokApiException e) {
 *     log.warn("TikTok refused the event: code={} request_id={}", e.code(), e.requestId());
 * } catch (TikTokException e) {
 *     // configuration, validation or transport problem
 * }
 * }</pre>
 */
public class TikTokException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that must hold no secret and no raw personal data.
     *
     * @param message what went wrong
     */
    public TikTokException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong; no secret and no raw personal data
     * @param cause the underlying failure
     */
    public TikTokException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether sending the same request again could succeed (rate limits, server errors, timeouts).
     * Retrying is safe for events that carry an {@code event_id}, because TikTok deduplicates on it.
     *
     * @return {@code false} unless a subclass knows better
     */
    public boolean isRetryable() {
        return false;
    }
}
