package io.github.tiktokevents.processor;

/**
 * What the background processor does when an event arrives and its queue is full (by count or by bytes).
 *
 * <p>Either way the caller is never blocked for longer than it chose, and an event that does not get in is
 * never dropped silently: {@code enqueue} says so to the caller and the {@link DeliveryListener} receives
 * {@link DeliveryListener#failed failed(eventId, QueueFullException)}.
 */
public enum QueueFullPolicy {
    /**
     * Wait for room up to {@link ProcessorOptions#enqueueTimeout()}, then reject. The default: it absorbs short
     * bursts without losing events and still bounds the time a request thread can spend in {@code enqueue}.
     */
    BLOCK_WITH_TIMEOUT,

    /** Reject at once, without waiting. For callers that must never wait at all. */
    REJECT
}
