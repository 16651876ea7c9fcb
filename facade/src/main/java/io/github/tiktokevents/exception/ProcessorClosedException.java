package io.github.tiktokevents.exception;

/**
 * The background processor was closed before this event could be delivered: either the event arrived after
 * {@code close()} started, or {@code close(timeout)} ran out of time while the event was still queued, waiting
 * for a retry, or waiting for TikTok's answer. In the last case TikTok may still have recorded the event; a
 * resend with the same {@code event_id} is deduplicated by TikTok. The cause, when present, is the last
 * failure of the event's request.
 */
public class ProcessorClosedException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the event could not be delivered
     * @param cause the last failure of the event's request, or null
     */
    public ProcessorClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
