package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;

/**
 * Told each accepted item's outcome before the {@link io.github.tiktokevents.processor.DeliveryListener} is: how a
 * durable processor removes delivered events from its outbox, and keeps the unfinished ones instead of failing them.
 * Called on the delivery thread: implementations only hand the item over and return.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param <E> the item type
 */
public interface DeliverySettlement<E> {

    /**
     * TikTok accepted the item.
     *
     * @param item the item
     */
    void delivered(E item);

    /**
     * The item failed with {@code error}.
     *
     * @param item the item
     * @param error why
     * @return true to report it failed as usual; false when it is kept to be sent again later, which is not an
     *         outcome: the listener hears nothing and the counters count it as neither delivered nor failed
     */
    boolean failed(E item, TikTokException error);
}
