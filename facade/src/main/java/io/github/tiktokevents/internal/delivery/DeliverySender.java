package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends one chunk of events (at most {@link ProcessorOptions#maxBatchSize()}) in one request, asynchronously.
 * This is the seam between the delivery machinery and the HTTP path.
 *
 * <p>Contract:
 * <ul>
 *   <li>Return quickly: the call runs on the delivery thread. Serialising the chunk is fine; waiting for the
 *       network is not (use the HTTP client's asynchronous call).</li>
 *   <li>Complete normally with a {@link DeliveryReply} on code 0 or 20001; exceptionally with a
 *       {@link TikTokException} on any failure (an {@link java.io.IOException} is also understood as a
 *       retryable transport failure; a synchronous throw is treated like a failed future).</li>
 *   <li>Apply the transport's own timeouts. The engine's {@link ProcessorOptions#requestTimeout()} is only a
 *       safety net; when it fires, the engine cancels the returned future and treats the request as a
 *       retryable timeout.</li>
 *   <li>Never modify the list; it may be resent as it is or split in halves.</li>
 * </ul>
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param <E> the item type, an event at integration
 */
@FunctionalInterface
public interface DeliverySender<E> {

    /**
     * Sends the chunk.
     *
     * @param chunk one to {@code maxBatchSize} items, each with its {@code event_id} set
     * @return TikTok's reply, or a failure
     */
    CompletableFuture<DeliveryReply> send(List<E> chunk);
}
