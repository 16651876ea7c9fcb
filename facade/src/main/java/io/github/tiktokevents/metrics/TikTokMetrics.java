package io.github.tiktokevents.metrics;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.metrics.ErrorTypes;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.function.LongSupplier;

/**
 * The hook a client reports its metrics to: events through the background processor, HTTP attempts on every send
 * path, retries and queue depth. Every method does nothing unless overridden, so an implementation overrides only
 * what it records. Set it once on the client; every processor the client makes reports to it too.
 *
 * <pre>{@code
 * TikTokEvents tiktok = TikTokEvents.builder()
 *         .accessToken(token).pixelCode(pixel)
 *         .metrics(new MicrometerTikTokMetrics(meterRegistry, observationRegistry))   // module tiktok-events-micrometer
 *         .build();
 * }</pre>
 *
 * <p><b>Counting.</b> Of the events a processor accepted, each ends in exactly one {@link #eventsDelivered} or
 * {@link #eventsFailed}, so once the processor is idle, delivered plus failed equals enqueued. Events refused by
 * {@code enqueue} are reported by {@link #eventsRejected} and are not enqueued. The direct {@code send} and
 * {@code sendBatch} paths report their HTTP attempts and retries, not event counts: their caller holds the outcome.
 *
 * <p><b>Error types.</b> Failures carry a short label of low cardinality, fit for a metric tag:
 * <ul>
 *   <li>TikTok's code as text ({@code "40002"}, {@code "40100"}) when TikTok answered with an error code, usually
 *       with HTTP 200;</li>
 *   <li>{@code http_<status>} ({@code "http_503"}) for an HTTP error without TikTok's code;</li>
 *   <li>{@code timeout} and {@code transport} when no answer came (a timeout, or a connection that failed);</li>
 *   <li>{@code queue_full} and {@code closed} for events {@code enqueue} refused or a closing processor gave up;</li>
 *   <li>{@code invalid_event} (an event its request cannot carry), {@code configuration} (no id for its source) and
 *       {@code other}.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Calls come from the caller's thread (enqueue, a blocking send), the processor's delivery
 * thread, and the HTTP client's threads, concurrently: implementations must be thread-safe and quick. Anything an
 * implementation throws is logged and ignored; it never changes an event's outcome.
 */
public interface TikTokMetrics {

    /** A hook that records nothing: the client's default. */
    TikTokMetrics NONE = new TikTokMetrics() { };

    /**
     * The error type this hook reports for a failure, as listed above: for a {@link DeliveryListener} or other code
     * of yours that tags its own metrics the same way.
     *
     * @param error the failure
     * @return its short label, never null
     */
    static String errorType(TikTokException error) {
        return ErrorTypes.of(java.util.Objects.requireNonNull(error, "error"));
    }

    /**
     * Events a processor accepted into its queue.
     *
     * @param source the events' source
     * @param count how many
     */
    default void eventsEnqueued(EventSource source, int count) {
    }

    /**
     * Events a processor's {@code enqueue} refused: they were never queued.
     *
     * @param source the events' source
     * @param errorType why, for example {@code queue_full} or {@code closed}
     * @param count how many
     */
    default void eventsRejected(EventSource source, String errorType, int count) {
    }

    /**
     * Events of a processor that TikTok accepted.
     *
     * @param source the events' source
     * @param count how many
     */
    default void eventsDelivered(EventSource source, int count) {
    }

    /**
     * Events a processor accepted that will not be delivered: TikTok refused them, retries ran out, or the processor
     * gave them up at close.
     *
     * @param source the events' source
     * @param errorType why: TikTok's code as text, or a label such as {@code http_503}, {@code transport}
     * @param count how many
     */
    default void eventsFailed(EventSource source, String errorType, int count) {
    }

    /**
     * A request will be sent again after a retryable failure, on any send path.
     *
     * @param source the events' source
     * @param errorType the failure that is retried
     */
    default void requestRetried(EventSource source, String errorType) {
    }

    /**
     * One HTTP attempt starts, on any send path; the returned observer hears its end. A tracing binding starts a span
     * or an observation here, on the thread that sends.
     *
     * @param source the events' source
     * @param endpoint the path posted to, for example {@code /open_api/v1.3/event/track/}
     * @param events how many events the request carries
     * @return who hears the attempt's end; {@link RequestObserver#NONE} by default
     */
    default RequestObserver requestStarted(EventSource source, String endpoint, int events) {
        return RequestObserver.NONE;
    }

    /**
     * A processor opened its queue for a source; a binding registers a gauge of its depth here.
     *
     * @param processor the processor's name (its {@code threadNamePrefix})
     * @param source the queue's source
     * @param depth reads how many events wait in the queue; cheap and thread-safe. Processors may share a name (the
     *              default {@code threadNamePrefix}, or two clients on one registry): a binding sums the readers of
     *              one name and source rather than keeping only the first
     */
    default void queueOpened(String processor, EventSource source, LongSupplier depth) {
    }

    /**
     * The queue {@link #queueOpened} announced is closed; a binding removes its reader here, and its gauge with the
     * last reader of that name and source.
     *
     * @param processor the processor's name
     * @param source the queue's source
     * @param depth the very reader {@link #queueOpened} was given for this queue, to tell it from others of the name
     */
    default void queueClosed(String processor, EventSource source, LongSupplier depth) {
    }

    /**
     * A durable processor (one made with an {@code Outbox}) opened; a binding registers a gauge of its backlog here.
     * Its {@link #queueOpened queues} hold only the events claimed from the outbox for the next requests; what waits
     * during an outage is in the outbox, and this is the figure to alert on.
     *
     * @param processor the processor's name (its {@code threadNamePrefix})
     * @param pending reads how many events are stored, unfinished and not yet claimed for a request, as the
     *                processor's {@code stats().queueDepth()} does. It asks the outbox each time (for a database outbox, a
     *                count query), so read it at a scrape's pace, not per event. While the store cannot be read it
     *                returns the last count read. As with {@link #queueOpened}, a binding sums the readers of
     *                processors that share a name
     */
    default void outboxOpened(String processor, LongSupplier pending) {
    }

    /**
     * The durable processor {@link #outboxOpened} announced is closed; a binding removes its reader here, and its
     * gauge with the last reader of that name.
     *
     * @param processor the processor's name
     * @param pending the very reader {@link #outboxOpened} was given, to tell it from others of the name
     */
    default void outboxClosed(String processor, LongSupplier pending) {
    }
}
