package io.github.tiktokevents.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Says whether a flush may report success: every accepted item gets a sequence number at enqueue, and a flush covers
 * the items accepted since the previous flush was called and before it. It succeeds only if none of those failed,
 * whether they failed before the flush was called or while it waited. Only a few numbers are kept, however many
 * items fail: the lowest failed number not yet covered, and one window per flush still waiting.
 *
 * <p>Numbers are taken before the item is linked into the queue, so an item whose {@code enqueue} races with the
 * flush call may fall on either side; an item accepted before the flush call began is always covered.
 */
final class FlushVerdicts {
    private final AtomicLong lastSequence = new AtomicLong();
    private final List<Window> open = new ArrayList<>();
    private long coveredUpTo;
    private long lowestFailedAboveCovered = Long.MAX_VALUE;

    /** A flush's range of items, {@code (from, to]}, and whether all of them are delivered so far. */
    static final class Window {
        final long from;
        final long to;
        boolean allDelivered;

        Window(long from, long to, boolean allDelivered) {
            this.from = from;
            this.to = to;
            this.allDelivered = allDelivered;
        }
    }

    /** @return the sequence number of an item being enqueued; any thread */
    long nextSequence() {
        return lastSequence.incrementAndGet();
    }

    /** Opens the window of a flush being called now: the items accepted since the previous flush. Any thread. */
    synchronized Window open() {
        long to = lastSequence.get();
        Window window = new Window(coveredUpTo, to, lowestFailedAboveCovered > to);
        if (to > coveredUpTo) {
            coveredUpTo = to;
            // Failures above the window (a racing enqueue) stay for the next window; those inside are now its concern.
            lowestFailedAboveCovered = lowestFailedAboveCovered > to ? lowestFailedAboveCovered : Long.MAX_VALUE;
        }
        open.add(window);
        return window;
    }

    /** Records that the item with this sequence number failed. */
    synchronized void failed(long sequence) {
        if (sequence > coveredUpTo) {
            lowestFailedAboveCovered = Math.min(lowestFailedAboveCovered, sequence);
        }
        for (Window window : open) {
            if (sequence > window.from && sequence <= window.to) {
                window.allDelivered = false;
            }
        }
    }

    /** Closes a window once every item in it is settled; @return whether all of them were delivered */
    synchronized boolean close(Window window) {
        open.remove(window);
        return window.allDelivered;
    }
}
