package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.metrics.SourceMetrics;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reports outcomes to the {@link DeliveryListener} exactly once per item and keeps the counters. A listener
 * that throws is logged and ignored, so a bug there cannot lose or double an outcome.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryOutcomes {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.processor");

    private final DeliveryListener listener;
    private final FlushVerdicts verdicts;
    /** Told first, with the item; null for a processor without an outbox. */
    private final DeliverySettlement<Object> settlement;
    private final AtomicLong kept = new AtomicLong();
    private final SourceMetrics metrics;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    /**
     * Outcomes of refusals only (no accepted items).
     *
     * @param listener who hears them
     */
    public DeliveryOutcomes(DeliveryListener listener) {
        this(listener, null, SourceMetrics.NONE, null);
    }

    DeliveryOutcomes(DeliveryListener listener, FlushVerdicts verdicts, SourceMetrics metrics,
                     DeliverySettlement<Object> settlement) {
        this.listener = listener;
        this.verdicts = verdicts;
        this.metrics = metrics;
        this.settlement = settlement;
    }

    /** Reports an accepted item as delivered, unless it is already settled. Delivery thread only. */
    void delivered(DeliveryItem<?> item, String requestId) {
        if (item.settled) {
            return;
        }
        item.settled = true;
        delivered.incrementAndGet();
        metrics.delivered(1);
        if (settlement != null) {
            settlement.delivered(item.value);
        }
        try {
            listener.delivered(item.id, requestId);
        } catch (Throwable bug) {
            // Any Throwable, StackOverflowError included: a listener's failure must not stop the delivery thread
            // settling the other events of the batch, nor the flushes waiting for them.
            LOG.log(System.Logger.Level.ERROR, "DeliveryListener.delivered threw; outcome unchanged", bug);
        }
    }

    /** Reports an accepted item as failed, unless it is already settled. Delivery thread only. */
    void failed(DeliveryItem<?> item, TikTokException error) {
        if (item.settled) {
            return;
        }
        item.settled = true;
        if (verdicts != null) {
            verdicts.failed(item.sequence); // a kept item is not delivered either: a flush covering it says so
        }
        if (settlement != null && !settlement.failed(item.value, error)) {
            kept.incrementAndGet();
            return;
        }
        failed.incrementAndGet();
        metrics.failed(error, 1);
        notifyFailed(item.id, error);
    }

    /** Reports an item that {@code enqueue} refused; on the caller's thread, so the item was never shared. */
    public void rejected(String id, TikTokException error) {
        rejected(id, error, metrics);
    }

    /**
     * Reports an item that {@code enqueue} refused, to the listener and to the metrics of its source.
     *
     * @param id the item's {@code event_id}
     * @param error why
     * @param sourceMetrics the metrics of the item's source
     */
    public void rejected(String id, TikTokException error, SourceMetrics sourceMetrics) {
        rejected.increment();
        sourceMetrics.rejected(error);
        notifyFailed(id, error);
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    void countRetry(TikTokException retriedError) {
        retried.incrementAndGet();
        if (retriedError != null) {
            metrics.retried(retriedError);
        }
    }

    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    /** @return items the settlement kept to send again later: settled here, but neither delivered nor failed */
    long kept() {
        return kept.get();
    }

    public long rejected() {
        return rejected.sum();
    }

    long retried() {
        return retried.get();
    }

    long requests() {
        return requests.get();
    }

    private void notifyFailed(String id, TikTokException error) {
        try {
            listener.failed(id, error);
        } catch (Throwable bug) {
            LOG.log(System.Logger.Level.ERROR, "DeliveryListener.failed threw; outcome unchanged", bug);
        }
    }
}
