package io.github.tiktokevents.internal.delivery;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bounded queue between the callers of {@code enqueue} and the delivery thread, limited both by count and
 * by estimated bytes. Adding is lock-free (two atomic additions and a lock-free offer); only a caller that
 * chose to wait for room takes a lock, and the delivery thread signals it only when someone waits.
 *
 * <p>Room is reserved before the node is linked, with roll-back when a limit is exceeded, so the limits are
 * never exceeded; under heavy contention right at the limit a caller may see "full" while another caller's
 * reservation is being rolled back.
 *
 * @param <E> the item type
 */
final class DeliveryQueue<E> {
    /** {@link #tryAdd} and {@link #addWaiting} results other than a positive count. */
    static final int FULL_BY_COUNT = -1;
    static final int FULL_BY_BYTES = -2;
    static final int TOO_LARGE = -3;
    static final int CLOSED = -4;
    static final int INTERRUPTED = -5;

    private final ConcurrentLinkedQueue<DeliveryItem<E>> nodes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger markers = new AtomicInteger();
    private final AtomicInteger waiters = new AtomicInteger();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private final int capacity;
    private final long capacityBytes;
    private volatile boolean closed;

    DeliveryQueue(int capacity, long capacityBytes) {
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
    }

    /**
     * Adds the item if there is room now.
     *
     * @return the number of queued items after adding it, or a negative reason
     */
    int tryAdd(DeliveryItem<E> item) {
        if (item.bytes > capacityBytes) {
            return TOO_LARGE;
        }
        int newCount = count.incrementAndGet();
        if (newCount > capacity) {
            count.decrementAndGet();
            return FULL_BY_COUNT;
        }
        if (bytes.addAndGet(item.bytes) > capacityBytes) {
            bytes.addAndGet(-item.bytes);
            count.decrementAndGet();
            return FULL_BY_BYTES;
        }
        nodes.offer(item);
        return newCount;
    }

    /**
     * Adds the item, waiting up to {@code timeoutNanos} of real time for room.
     *
     * @return the number of queued items after adding it, or a negative reason; {@link #INTERRUPTED} leaves
     *         the thread's interrupt flag set
     */
    int addWaiting(DeliveryItem<E> item, long timeoutNanos) {
        int result = tryAdd(item);
        if (result > 0 || result == TOO_LARGE || timeoutNanos <= 0) {
            return result;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        waiters.incrementAndGet();
        roomLock.lock();
        try {
            while (true) {
                if (closed) {
                    return CLOSED;
                }
                result = tryAdd(item);
                long left = deadline - System.nanoTime();
                if (result > 0 || left <= 0) {
                    return result;
                }
                room.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } finally {
            roomLock.unlock();
            waiters.decrementAndGet();
        }
    }

    /** Puts a marker behind everything added so far. */
    void addMarker(DeliveryItem<E> marker) {
        nodes.offer(marker);
        markers.incrementAndGet();
    }

    /**
     * Takes out a node that a racing {@code enqueue} added after the processor closed.
     *
     * @return true if this call removed it (so nobody else will report it)
     */
    boolean remove(DeliveryItem<E> item) {
        if (nodes.remove(item)) {
            release(1, item.bytes);
            return true;
        }
        return false;
    }

    /**
     * Moves up to {@code max} items into {@code out}, in order, frees their room and hands each marker met on
     * the way to {@code onMarker}. Delivery thread only.
     */
    void drainTo(List<DeliveryItem<E>> out, int max, Consumer<DeliveryItem<E>> onMarker) {
        int taken = 0;
        long freedBytes = 0;
        while (taken < max) {
            DeliveryItem<E> node = nodes.poll();
            if (node == null) {
                break;
            }
            if (node.isMarker()) {
                markers.decrementAndGet();
                onMarker.accept(node);
                continue;
            }
            out.add(node);
            freedBytes += node.bytes;
            taken++;
        }
        if (taken > 0) {
            release(taken, freedBytes);
        }
    }

    /** Stops waiting callers, who then report their item as closed. */
    void close() {
        closed = true;
        signalWaiters();
    }

    /** @return items queued, reserved room included */
    int count() {
        return count.get();
    }

    /** @return markers put in and not yet drained */
    int markers() {
        return markers.get();
    }

    /** @return whether no node at all is linked */
    boolean isEmpty() {
        return nodes.isEmpty();
    }

    private void release(int items, long itemBytes) {
        bytes.addAndGet(-itemBytes);
        count.addAndGet(-items);
        if (waiters.get() > 0) {
            signalWaiters();
        }
    }

    private void signalWaiters() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }
}
