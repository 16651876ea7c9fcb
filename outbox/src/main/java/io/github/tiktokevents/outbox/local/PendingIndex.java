package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.event.EventSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The outbox's pending events in memory, by key only (the bytes stay in the database): which are free to claim, per
 * source and oldest first, and how many events and bytes are stored and unfinished, against the size bound. Rebuilt
 * from the database when the outbox opens, so everything a crashed process had claimed is free again.
 */
final class PendingIndex {
    private final int capacity;
    private final long capacityBytes;
    private final Map<EventSource, TreeSet<Long>> free = new HashMap<>();
    private final Map<Long, Integer> sizes = new HashMap<>();
    private long count;
    private long bytes;

    PendingIndex(int capacity, long capacityBytes) {
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
    }

    /** Makes room for an event about to be stored; @return false when the outbox is full */
    synchronized boolean reserve(int size) {
        if (count + 1 > capacity || bytes + size > capacityBytes) {
            return false;
        }
        count++;
        bytes += size;
        return true;
    }

    /** Gives back the room of an event that could not be stored. */
    synchronized void unreserve(int size) {
        count--;
        bytes -= size;
    }

    /** A stored event, its room already reserved (or, when loading, counted here). */
    synchronized void stored(EventSource source, long key, int size, boolean reserved) {
        free.computeIfAbsent(source, s -> new TreeSet<>()).add(key);
        sizes.put(key, size);
        if (!reserved) {
            count++;
            bytes += size;
        }
    }

    /** @return up to {@code max} free keys of the source, oldest first, now claimed */
    synchronized List<Long> claim(EventSource source, int max) {
        TreeSet<Long> keys = free.get(source);
        List<Long> claimed = new ArrayList<>(Math.min(max, keys == null ? 0 : keys.size()));
        while (keys != null && claimed.size() < max && !keys.isEmpty()) {
            claimed.add(keys.pollFirst());
        }
        return claimed;
    }

    /** Claimed keys back to free, in their old places. */
    synchronized void release(EventSource source, Collection<Long> keys) {
        for (Long key : keys) {
            if (sizes.containsKey(key)) {
                free.computeIfAbsent(source, s -> new TreeSet<>()).add(key);
            }
        }
    }

    /** Delivered or refused: no longer counted against the bound. */
    synchronized void finished(Collection<Long> keys) {
        for (Long key : keys) {
            Integer size = sizes.remove(key);
            if (size != null) {
                count--;
                bytes -= size;
            }
        }
    }

    synchronized long count() {
        return count;
    }
}
