package io.github.tiktokevents.internal.delivery;

import java.util.concurrent.CompletableFuture;

/**
 * One node of the delivery queue: an item with its id and estimated size, or a marker that a flush (or the
 * max-delay timer) put behind everything enqueued before it. Id and size are computed once, at enqueue, so
 * the queue's byte accounting adds and subtracts the same number.
 *
 * @param <E> the item type
 */
final class DeliveryItem<E> {
    final E value;
    final String id;
    final long bytes;
    /** The order of acceptance, for {@link FlushVerdicts}; 0 for markers. */
    final long sequence;
    /** Completed when every item before this marker is settled; null for items. */
    final CompletableFuture<Void> marker;
    /** Set once the item's outcome is reported; only touched on the delivery thread. */
    boolean settled;

    private DeliveryItem(E value, String id, long bytes, long sequence, CompletableFuture<Void> marker) {
        this.value = value;
        this.id = id;
        this.bytes = bytes;
        this.sequence = sequence;
        this.marker = marker;
    }

    static <E> DeliveryItem<E> of(E value, String id, long bytes, long sequence) {
        return new DeliveryItem<>(value, id, bytes, sequence, null);
    }

    static <E> DeliveryItem<E> marker(CompletableFuture<Void> flushed) {
        return new DeliveryItem<>(null, null, 0, 0, flushed);
    }

    boolean isMarker() {
        return marker != null;
    }

    /** Identity equality on purpose: the same event enqueued twice is two items with two outcomes. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return isMarker() ? "DeliveryItem{marker}" : "DeliveryItem{id=" + id + ", bytes=" + bytes + '}';
    }
}
