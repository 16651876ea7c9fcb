package io.github.tiktokevents.exception;

/**
 * The request did not get an answer from TikTok: a connection failure, a reset, or a timeout. Retryable, because
 * TikTok deduplicates events on {@code event_id}, so a request that did arrive is not counted twice.
 */
public class TikTokTransportException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (host, timeout kind); never the token or the body
     * @param cause the I/O failure
     */
    public TikTokTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@inheritDoc} Always {@code true}: the network may work on the next attempt. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
