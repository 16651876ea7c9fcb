package io.github.tiktokevents.internal.delivery;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pending flushes. A flush puts a marker in the queue; when the delivery thread meets it, every item queued
 * before it sits in a job whose serial is at most {@code lastJob}. The flush is done once no such job is left.
 * Delivery thread only.
 */
final class DeliveryBarriers {
    private final List<Barrier> pending = new ArrayList<>();

    void add(CompletableFuture<Void> flushed, long lastJob) {
        pending.add(new Barrier(flushed, lastJob));
    }

    /** Completes the flushes whose jobs are all done. */
    void completeSettled(List<? extends DeliveryJob<?>> activeJobs) {
        if (pending.isEmpty()) {
            return;
        }
        long oldestActive = Long.MAX_VALUE;
        for (DeliveryJob<?> job : activeJobs) {
            oldestActive = Math.min(oldestActive, job.serial());
        }
        for (Iterator<Barrier> it = pending.iterator(); it.hasNext(); ) {
            Barrier barrier = it.next();
            if (barrier.lastJob < oldestActive) {
                it.remove();
                barrier.flushed.complete(null);
            }
        }
    }

    /** Completes every flush; used once all items have their outcome. */
    void completeAll() {
        for (Barrier barrier : pending) {
            barrier.flushed.complete(null);
        }
        pending.clear();
    }

    private static final class Barrier {
        final CompletableFuture<Void> flushed;
        final long lastJob;

        Barrier(CompletableFuture<Void> flushed, long lastJob) {
            this.flushed = flushed;
            this.lastJob = lastJob;
        }
    }
}
