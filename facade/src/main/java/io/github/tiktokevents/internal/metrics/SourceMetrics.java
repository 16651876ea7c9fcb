package io.github.tiktokevents.internal.metrics;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import java.util.function.LongSupplier;

/**
 * A client's guarded metrics hook bound to one source: what a processor's engine for that source reports.
 * {@link #NONE} records nothing.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class SourceMetrics {
    /** Records nothing: for engines made without a client, in tests. */
    public static final SourceMetrics NONE = new SourceMetrics(new GuardedMetrics(io.github.tiktokevents.metrics.TikTokMetrics.NONE), null);

    private final GuardedMetrics metrics;
    private final EventSource source;

    SourceMetrics(GuardedMetrics metrics, EventSource source) {
        this.metrics = metrics;
        this.source = source;
    }

    /** An event was queued. */
    public void enqueued() {
        metrics.enqueued(source, 1);
    }

    /**
     * An event was refused at intake.
     *
     * @param error why
     */
    public void rejected(TikTokException error) {
        metrics.rejected(source, error);
    }

    /**
     * Events were delivered.
     *
     * @param count how many
     */
    public void delivered(int count) {
        metrics.delivered(source, count);
    }

    /**
     * Events failed for good.
     *
     * @param error why
     * @param count how many
     */
    public void failed(TikTokException error, int count) {
        metrics.failed(source, error, count);
    }

    /**
     * A request will be retried.
     *
     * @param error the failure retried
     */
    public void retried(TikTokException error) {
        metrics.retried(source, error);
    }

    /**
     * The engine's queue opened.
     *
     * @param processor the processor's name
     * @param depth reads the queue's depth
     */
    public void queueOpened(String processor, LongSupplier depth) {
        metrics.queueOpened(processor, source, depth);
    }

    /**
     * The engine's queue closed.
     *
     * @param processor the processor's name
     * @param depth the reader {@link #queueOpened} was given
     */
    public void queueClosed(String processor, LongSupplier depth) {
        metrics.queueClosed(processor, source, depth);
    }
}
