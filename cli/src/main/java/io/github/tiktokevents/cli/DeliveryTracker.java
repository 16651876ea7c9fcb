package io.github.tiktokevents.cli;

import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hears the processor's outcome for each event and settles its row in the {@link Ledger}. It keeps the rows whose
 * events are in the processor (for the rejects file), at most {@link #MAX_OUTSTANDING}, so the processor's queue
 * never overflows and memory stays flat.
 *
 * <p>A refusal that says nothing about the row (a bad token, missing permission, TikTok unreachable after every
 * retry, the processor closing) does not reject the row: it stops the upload, and the row stays unsettled so a
 * resumed run sends it again.
 */
final class DeliveryTracker implements DeliveryListener {
    /** Events in the processor at most; below its default queue capacity of 10,000. */
    static final int MAX_OUTSTANDING = 8_000;

    private final ConcurrentMap<String, Pending> pending = new ConcurrentHashMap<>();
    private final Semaphore room = new Semaphore(MAX_OUTSTANDING);
    private final Ledger ledger;

    DeliveryTracker(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Waits a little for room for one more event.
     *
     * @return true if room was taken; then {@link #track} must follow
     */
    boolean awaitRoom(long waitMillis) throws InterruptedException {
        return room.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    }

    /** Remembers the row of an event about to be enqueued. */
    void track(String eventId, Row row) {
        pending.compute(eventId, (id, earlier) -> new Pending(row, earlier));
    }

    /** Whether no event is in the processor. */
    boolean idle() {
        return pending.isEmpty();
    }

    @Override
    public void delivered(String eventId, String requestId) {
        Row row = take(eventId);
        if (row != null) {
            ledger.delivered(row.index());
        }
    }

    @Override
    public void failed(String eventId, TikTokException error) {
        Row row = take(eventId);
        if (row == null) {
            return;
        }
        if (error instanceof AuthenticationException || error instanceof PermissionDeniedException
                || error instanceof TikTokConfigurationException) {
            ledger.stop(error, true);
        } else if (error.isRetryable() || error instanceof QueueFullException
                || error instanceof ProcessorClosedException) {
            ledger.stop(error, false);
        } else {
            ledger.rejected(row.index(), Reject.refused(row, error));
        }
    }

    private Row take(String eventId) {
        Pending[] taken = new Pending[1];
        pending.computeIfPresent(eventId, (id, head) -> {
            taken[0] = head;
            return head.earlier();
        });
        if (taken[0] == null) {
            return null;
        }
        room.release();
        return taken[0].row();
    }

    /** The rows of events in the processor under one id: more than one only for duplicate rows. */
    private record Pending(Row row, Pending earlier) {
    }
}
