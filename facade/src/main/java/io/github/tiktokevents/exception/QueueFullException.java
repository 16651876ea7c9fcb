package io.github.tiktokevents.exception;

/**
 * The background processor's queue had no room for an event (its count or byte capacity was reached, and
 * waiting, if allowed, did not free enough room). The event was not accepted; nothing was sent.
 * Not retryable as such: the processor is overloaded, so slow the producer or raise the capacity.
 */
public class QueueFullException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which limit was reached; never the event's content
     */
    public QueueFullException(String message) {
        super(message);
    }
}
