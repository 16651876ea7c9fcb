package io.github.tiktokevents.processor;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;

/**
 * Hears the final outcome of every event given to the background processor: exactly one call per accepted or
 * rejected event, {@link #delivered} or {@link #failed}, never both, never twice.
 *
 * <p>Outcomes of one source are reported one at a time, never concurrently, in the processor's serial lane: on its
 * delivery thread, or on the HTTP client's thread that brought TikTok's answer (so the next request starts from
 * there without a thread hop). A rejection at intake ({@link QueueFullException}, {@link ProcessorClosedException})
 * is reported on the caller's thread before {@code enqueue} returns. Keep the callbacks short: a slow listener slows delivery. Anything a listener
 * throws (any {@link Throwable}, a {@code StackOverflowError} included) is logged and ignored: it changes no
 * outcome and strands no other event.
 *
 * <pre>{@code
 * ProcessorOptions options = ProcessorOptions.builder()
 *     .listener((eventId, error) -> log.warn("event {} not delivered: {}", eventId, error.getMessage()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface DeliveryListener {

    /**
     * The event was accepted by TikTok (code 0, or 20001 partial success without an error for this event).
     * Does nothing unless overridden.
     *
     * @param eventId the event's {@code event_id}
     * @param requestId TikTok's {@code request_id} of the accepting request, or null when unknown
     */
    default void delivered(String eventId, String requestId) {
    }

    /**
     * The event will not be delivered: TikTok refused it, retries were exhausted, or the processor refused
     * or gave it up ({@link QueueFullException}, {@link ProcessorClosedException}).
     *
     * @param eventId the event's {@code event_id}
     * @param error the typed reason; {@link TikTokApiException} carries TikTok's code and request id
     */
    void failed(String eventId, TikTokException error);
}
